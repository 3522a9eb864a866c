package io.newsflow.app.cli;

import io.newsflow.enrich.tag.ArticleTagger;
import io.newsflow.app.eval.tagging.PersonIdentityEval;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow eval person-identity}: pairwise precision and recall of "same person" across articles. */
@Command(name = "person-identity",
        mixinStandardHelpOptions = true,
        description = "Score person identity across articles: reads the corpora the gold names in file order through "
                + "the tagger and the person registry, then scores every pair of gold mentions (same person or not) "
                + "with the registry and with names alone; prints one JSON line.")
final class EvalPersonIdentityCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", required = true,
            description = "The directory the gold's corpus paths are relative to (../shared/data).")
    private Path data;

    @Option(names = "--gold", paramLabel = "FILE",
            description = "Gold mentions, corpus<TAB>document<TAB>surface<TAB>person a line "
                    + "(default: the set shipped in the jar).")
    private @Nullable Path gold;

    @Override
    public Integer call() throws Exception {
        CliFiles.requireDirectory(spec, "--data", data);
        List<PersonIdentityEval.Mention> mentions;
        if (gold == null) {
            mentions = PersonIdentityEval.shippedGold();
        } else {
            CliFiles.requireReadable(spec, gold);
            mentions = PersonIdentityEval.read(gold);
        }
        JsonLine.print(spec, PersonIdentityEval.run(ArticleTagger.shipped(), data, mentions));
        return 0;
    }
}
