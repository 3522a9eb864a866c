package io.newsflow.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.core.json.Decimals;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.app.eval.extraction.ExtractionEval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow eval extraction}: scores the extractor's bodies against gold bodies with the
 * article-extraction-benchmark metric; the ten worst pages go to stderr for a look.
 */
@Command(name = "extraction",
        mixinStandardHelpOptions = true,
        description = "Score main-content extraction on saved pages against gold bodies "
                + "(article-extraction-benchmark format); prints one JSON line.")
final class EvalExtractionCommand implements Callable<Integer> {

    private static final int WORST_SHOWN = 10;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--html", paramLabel = "DIR", required = true,
            description = "Directory of <id>.html or <id>.html.gz pages.")
    private Path html;

    @Option(names = "--gold", paramLabel = "FILE", required = true,
            description = "JSON {id: {\"articleBody\": ..., \"url\": ...}}.")
    private Path gold;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write each page's body to DIR/<id>.txt and its metadata to DIR/<id>.json.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        CliFiles.requireDirectory(spec, "--html", html);
        if (!Files.isRegularFile(gold)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--gold: no such file: " + gold);
        }
        ExtractionEval.Result result = new ExtractionEval().run(html, gold, out);
        ObjectNode line = JsonCodec.MAPPER.createObjectNode()
                .put("pages", result.pages())
                .put("precision", Decimals.round(result.precision(), 4))
                .put("recall", Decimals.round(result.recall(), 4))
                .put("f1", Decimals.round(result.f1(), 4))
                .put("accuracy", Decimals.round(result.accuracy(), 4))
                .put("pagesPerSecond", Decimals.round(result.pagesPerSecond(), 1));
        JsonLine.print(spec, line);
        for (ExtractionEval.PageResult page : result.worst().subList(0, Math.min(WORST_SHOWN, result.worst().size()))) {
            spec.commandLine().getErr().printf("worst f1=%.3f precision=%.3f recall=%.3f %s %s%n",
                    page.f1(), page.precision(), page.recall(), page.id(), page.url());
        }
        spec.commandLine().getErr().flush();
        return 0;
    }
}
