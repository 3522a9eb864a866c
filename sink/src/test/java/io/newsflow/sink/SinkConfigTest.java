package io.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkConfigTest {

    @Test
    void readsThePageCapLikeTheOtherStages() {
        assertEquals(CommonConfig.DEFAULT_PAGE_MAX_BYTES, new SinkConfig(NewsflowConfig.of(Map.of())).pageMaxBytes());
        assertEquals(20 * 1024 * 1024,
                new SinkConfig(NewsflowConfig.of(Map.of(CommonConfig.PAGE_MAX_BYTES, 20 * 1024 * 1024))).pageMaxBytes());
    }
}
