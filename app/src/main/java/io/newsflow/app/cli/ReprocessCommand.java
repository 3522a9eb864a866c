package io.newsflow.app.cli;

import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.topology.Reprocessing;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsflow reprocess}: rewinds the enrich job to the oldest retained page, so that its next
 * run re-enriches everything with the current extractor and tagger and publishes new versions.
 */
@Command(name = "reprocess",
        mixinStandardHelpOptions = true,
        description = {"Re-enrich every page still retained in newsflow.pages with the current extractor and tagger.",
            "Stop every enrich instance first, run this, then start them again: each article's latest page is "
                    + "published as a new version; older pages of the same article are skipped."})
final class ReprocessCommand implements Callable<Integer> {

    @Mixin
    private ClusterOptions cluster;

    @Option(names = "--dry-run", description = "Print what would be rewound, and the group's state, without changing anything.")
    private boolean dryRun;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NewsflowConfig config = cluster.load();
        String applicationId = new EnrichConfig(config).applicationId();
        try (Admin admin = Admin.create(config.kafkaClientProperties())) {
            Reprocessing.Plan plan = Reprocessing.rewind(admin, applicationId, dryRun);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("applicationId", plan.applicationId());
            line.put("group", plan.groupType());
            line.put("groupState", plan.groupState());
            line.put("applied", plan.applied());
            line.put("pages", plan.pages());
            Map<String, Long> from = new TreeMap<>();
            plan.partitions().forEach((p, offset) -> from.put(p.toString(), offset));
            line.put("rewoundTo", from);
            JsonLine.print(spec, line);
            return 0;
        } catch (Reprocessing.GroupActiveException e) {
            spec.commandLine().getErr().println("reprocess: " + e.getMessage());
            return 1;
        } catch (ExecutionException | TimeoutException e) {
            spec.commandLine().getErr().println("reprocess: cannot rewind " + applicationId + " on "
                    + config.kafkaClientProperties().get("bootstrap.servers") + ": " + (e.getCause() == null ? e : e.getCause()));
            return 1;
        }
    }
}
