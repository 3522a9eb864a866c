package io.newsflow.ingest.state;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * The memory every partition store of one instance shares: one LRU block cache
 * ({@code newsflow.ingest.state.cache.bytes}) and one write-buffer budget
 * ({@code newsflow.ingest.state.write.buffer.bytes}, charged to the cache), so memory is bounded
 * by configuration, plus the index and bloom filters of the files (a few bytes per URL).
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
        // index and bloom filter blocks stay with their files, outside the cache: evicted by data
        // blocks, they were re-read and re-parsed on every lookup (a few hundred lookups a second);
        // they take about 3 bytes per URL, with 16 KiB blocks keeping the index small
        this.table = new BlockBasedTableConfig()
                .setBlockCache(cache)
                .setFilterPolicy(bloom)
                .setBlockSize(16 * 1024)
                .setCacheIndexAndFilterBlocks(false);
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
                .setKeepLogFileNum(2)
                // a random lookup mostly misses the cache (blocks are cached uncompressed, several
                // times the state's size on disk) and decompresses a block: LZ4 does that about
                // twice as fast as the default Snappy (frontier bench, 1M URLs: 72k vs 40k lookups/s)
                .setCompressionType(CompressionType.LZ4_COMPRESSION);
    }

    @Override
    public void close() {
        writeBuffers.close();
        cache.close();
        bloom.close();
    }
}
