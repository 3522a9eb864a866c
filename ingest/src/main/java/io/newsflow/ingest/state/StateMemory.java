package io.newsflow.ingest.state;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * The memory every partition store of one instance shares: one LRU block cache
 * ({@code newsflow.ingest.state.cache.bytes}) and one write-buffer budget
 * ({@code newsflow.ingest.state.write.buffer.bytes}, charged to the cache), so memory is bounded
 * by configuration however many partitions and URLs there are.
 */
final class StateMemory implements AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    private final LRUCache cache;
    private final WriteBufferManager writeBuffers;
    private final BloomFilter bloom = new BloomFilter(10);
    private final BlockBasedTableConfig table;

    StateMemory(long cacheBytes, long writeBufferBytes) {
        if (cacheBytes < 1 || writeBufferBytes < 1) {
            throw new IllegalArgumentException("cache and write buffer sizes must be positive");
        }
        this.cache = new LRUCache(cacheBytes);
        this.writeBuffers = new WriteBufferManager(writeBufferBytes, cache);
        // index and filter blocks live in the cache too, so they count against its size
        this.table = new BlockBasedTableConfig()
                .setBlockCache(cache)
                .setFilterPolicy(bloom)
                .setCacheIndexAndFilterBlocks(true)
                .setPinL0FilterAndIndexBlocksInCache(true);
    }

    /** Options for one partition's database; the caller closes them after the database. */
    Options options(long writeBufferBytes) {
        return new Options()
                .setCreateIfMissing(true)
                .setTableFormatConfig(table)
                .setWriteBufferManager(writeBuffers)
                .setWriteBufferSize(Math.max(1 << 20, writeBufferBytes / 4))
                .setMaxWriteBufferNumber(2)
                .setMaxOpenFiles(256)
                .setKeepLogFileNum(2);
    }

    @Override
    public void close() {
        writeBuffers.close();
        cache.close();
        bloom.close();
    }
}
