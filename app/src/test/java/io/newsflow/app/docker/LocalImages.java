package io.newsflow.app.docker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.exception.NotFoundException;
import org.apache.kafka.common.utils.internals.AppInfoParser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * The images {@code docker/build-images.sh} builds: the container tests run against them and pull
 * nothing (the test machines reach no registry). A test is skipped, with the reason, where no
 * Docker engine runs or the image was not built.
 */
public final class LocalImages {

    /** The Kafka broker from Apache Kafka's own artifacts, laid out like {@code apache/kafka}. */
    public static final DockerImageName KAFKA = DockerImageName.parse("newsflow/kafka:" + kafkaVersion())
            .asCompatibleSubstituteFor("apache/kafka");

    private LocalImages() {
    }

    /** Skips the calling test unless a Docker engine answers and holds the image. */
    public static DockerImageName assumeBuilt(DockerImageName image) {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "no Docker engine: container tests skipped");
        boolean present;
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image.asCanonicalNameString()).exec();
            present = true;
        } catch (NotFoundException e) {
            present = false;
        }
        assumeTrue(present, "image " + image.asCanonicalNameString() + " not built: run docker/build-images.sh");
        return image;
    }

    private static String kafkaVersion() {
        // the broker image is tagged with the version of the kafka_2.13 it holds, the one the build uses
        return AppInfoParser.getVersion();
    }
}
