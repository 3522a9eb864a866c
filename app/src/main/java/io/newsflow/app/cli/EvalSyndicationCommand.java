package io.newsflow.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.core.json.Decimals;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.app.eval.stories.SyndicationEval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow eval syndication}: pairwise precision and recall of story detection on
 * republished copies of real pages; the development sweep and the hardest pairs go to stderr.
 */
@Command(name = "syndication",
        mixinStandardHelpOptions = true,
        description = "Make syndicated copies of saved pages (other template, rewritten headline, cut ending, credit line, "
                + "edited lede) and score pairwise story detection over all pairs; prints one JSON line.")
final class EvalSyndicationCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--html", paramLabel = "DIR", defaultValue = "../shared/data/extraction/aeb-dev/html",
            description = "Directory of <id>.html or <id>.html.gz pages (default ${DEFAULT-VALUE}).")
    private Path html;

    @Option(names = "--gold", paramLabel = "FILE", defaultValue = "../shared/data/extraction/aeb-dev/ground-truth.json",
            description = "JSON {id: {\"url\": ...}}, read for the pages' URLs (default ${DEFAULT-VALUE}).")
    private Path gold;

    @Option(names = "--same-event", paramLabel = "FILE",
            description = "Tab-separated pairs of page ids that are different stories on one event (default: the bundled list).")
    private Path sameEvent;

    @Option(names = "--min-overlap", paramLabel = "X", defaultValue = "0.4",
            description = "Least estimated overlap for a copy, as newsflow.enrich.story.min.overlap (default ${DEFAULT-VALUE}).")
    private double minOverlap;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "19",
            description = "Seed of the copies' random edits (default ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws Exception {
        CliFiles.requireDirectory(spec, "--html", html);
        if (!Files.isRegularFile(gold)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--gold: no such file: " + gold);
        }
        if (sameEvent != null && !Files.isRegularFile(sameEvent)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--same-event: no such file: " + sameEvent);
        }
        if (!(minOverlap > 0 && minOverlap <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--min-overlap: must be within (0, 1], was " + minOverlap);
        }
        SyndicationEval.Result result = new SyndicationEval().run(html, gold, sameEvent, minOverlap, seed);
        ObjectNode line = JsonCodec.MAPPER.createObjectNode()
                .put("pages", result.pages())
                .put("articles", result.articles())
                .put("copiesPerArticle", SyndicationEval.COPIES)
                .put("minOverlap", result.minOverlap());
        line.set("heldOut", scores(result.heldOut()));
        line.set("dev", scores(result.dev()));
        line.put("sameEventPairs", result.sameEventPairs())
                .put("sameEventMerged", result.sameEventMerged())
                .put("maxNegativeOverlap", Decimals.round(result.maxNegativeOverlap(), 4));
        JsonLine.print(spec, line);
        var err = spec.commandLine().getErr();
        for (SyndicationEval.SweepPoint point : result.devSweep()) {
            err.printf("dev min.overlap=%.2f precision=%.4f recall=%.4f%n", point.minOverlap(), point.precision(), point.recall());
        }
        result.weakestPositives().forEach(p -> err.println("weakest positive " + p));
        result.strongestNegatives().forEach(p -> err.println("strongest negative " + p));
        err.flush();
        return 0;
    }

    private static ObjectNode scores(SyndicationEval.Scores s) {
        return JsonCodec.MAPPER.createObjectNode()
                .put("articles", s.articles())
                .put("documents", s.documents())
                .put("pairs", s.pairs())
                .put("positives", s.positives())
                .put("truePositives", s.truePositives())
                .put("falsePositives", s.falsePositives())
                .put("precision", Decimals.round(s.precision(), 4))
                .put("recall", Decimals.round(s.recall(), 4));
    }
}
