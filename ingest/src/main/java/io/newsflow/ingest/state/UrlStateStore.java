package io.newsflow.ingest.state;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.json.JsonCodecException;
import io.newsflow.core.record.UrlStatus;
import io.newsflow.core.topic.HostKey;
import io.newsflow.core.topic.Topics;
import io.newsflow.ingest.fetch.HostPartitioner;
import io.newsflow.ingest.source.SourceStates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the crawler knows about every URL of the hosts this instance owns: one RocksDB per owned
 * partition of {@code newsflow.url-status}, under the data dir. A status is written locally and
 * sent to the topic keyed by its URL on its host's partition (the partition number its host has
 * in {@code newsflow.links}), so the compacted topic stays the source of truth and a host's state
 * moves with the host. When a partition is assigned, its database is brought up to date from the
 * topic: from the local checkpoint when the database is there (only what was missed), from the
 * beginning on a new machine.
 */
public final class UrlStateStore implements SourceStates, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UrlStateStore.class);
    /** Sorts before every URL, so sweeps start past it. */
    private static final byte[] CHECKPOINT = "\u0000checkpoint".getBytes(StandardCharsets.UTF_8);
    private static final int SWEEP_CHUNK = 10_000;

    static {
        RocksDB.loadLibrary();
    }

    /** One owned partition's database and how far it has read the topic. */
    private static final class PartitionState {
        final RocksDB db;
        final Options options;
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        /** The highest offset of this instance's own sends the broker acknowledged. */
        final AtomicLong acked = new AtomicLong(-1);
        final long restoredTo;
        boolean closed;

        PartitionState(RocksDB db, Options options, long restoredTo) {
            this.db = db;
            this.options = options;
            this.restoredTo = restoredTo;
        }
    }

    private final Properties kafka;
    private final Path dir;
    private final StateMemory memory;
    private final long writeBufferBytes;
    private final Duration listedResolution;
    private final KafkaProducer<String, byte[]> producer;
    private final WriteOptions writeOptions = new WriteOptions();
    private final Map<Integer, PartitionState> open = new ConcurrentHashMap<>();
    private volatile @Nullable HostPartitioner partitioner;
    private volatile boolean closed;

    /**
     * @param dir where the partition databases live ({@code <data dir>/ingest-state})
     * @param cacheBytes the block cache all partitions share
     * @param writeBufferBytes the write buffers all partitions share, charged to the cache
     * @param retention how long a URL neither fetched nor listed stays; a listing is noted at most once per tenth of it (and daily)
     */
    public UrlStateStore(Properties kafka, Path dir, long cacheBytes, long writeBufferBytes, Duration retention) {
        this.kafka = requireNonNull(kafka, "kafka");
        Duration tenth = retention.dividedBy(10);
        this.listedResolution = tenth.compareTo(Duration.ofDays(1)) < 0 ? tenth : Duration.ofDays(1);
        this.dir = requireNonNull(dir, "dir");
        this.writeBufferBytes = writeBufferBytes;
        this.memory = new StateMemory(cacheBytes, writeBufferBytes);
        Properties props = KafkaClients.producer(kafka);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Learns how the topics are partitioned; the state of a host must sit on the partition number
     * its links have, so the two topics need the same partition count.
     */
    public void start() {
        try (KafkaConsumer<String, byte[]> consumer = restoreConsumer()) {
            int links = consumer.partitionsFor(Topics.LINKS.name()).size();
            int statuses = consumer.partitionsFor(Topics.URL_STATUS.name()).size();
            if (links != statuses) {
                throw new IllegalStateException(Topics.URL_STATUS.name() + " has " + statuses + " partitions and " + Topics.LINKS.name()
                        + " " + links + ": a host's crawler state lives on its links partition, so give both the same count");
            }
            partitioner = new HostPartitioner(links);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** The partition of a URL's host. */
    public int partitionOf(String url) {
        return requireNonNull(partitioner, "start() first").partitionOf(HostKey.of(url));
    }

    /** The last status of a URL whose host this instance owns; null when unknown or owned elsewhere. */
    @Override
    public @Nullable UrlStatus get(String url) {
        PartitionState state = open.get(partitionOf(url));
        if (state == null) {
            return null;
        }
        byte[] value;
        state.lock.readLock().lock();
        try {
            if (state.closed) {
                return null;
            }
            value = state.db.get(url.getBytes(StandardCharsets.UTF_8));
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot read the crawler state of " + url, e);
        } finally {
            state.lock.readLock().unlock();
        }
        return value == null ? null : JsonCodec.decode(value, UrlStatus.class);
    }

    /** Whether the host of a URL is in a partition this instance holds. */
    public boolean holds(String url) {
        return open.containsKey(partitionOf(url));
    }

    /** Records a status locally at once and sends it to its host's partition. */
    @Override
    public void record(UrlStatus status) {
        byte[] value = JsonCodec.encode(status);
        int partition = partitionOf(status.url());
        PartitionState state = open.get(partition);
        if (state != null) {
            write(state, status.url().getBytes(StandardCharsets.UTF_8), value);
        }
        send(partition, status.url(), value);
    }

    /** Notes that a source listed a known URL again (at most about daily), so retention keeps it. */
    public void noteListed(UrlStatus known, Instant now) {
        Instant listed = known.listedAt();
        if (listed == null || !now.isBefore(listed.plus(listedResolution))) {
            record(known.listed(now));
        }
    }

    private void send(int partition, String url, byte @Nullable [] value) {
        producer.send(new ProducerRecord<>(Topics.URL_STATUS.name(), partition, url, value), (meta, error) -> {
            if (error != null) {
                LOG.warn("cannot publish the url status of {}: {}", url, error.toString());
            } else {
                PartitionState state = open.get(partition);
                if (state != null) {
                    state.acked.accumulateAndGet(meta.offset(), Math::max);
                }
            }
        });
    }

    private void write(PartitionState state, byte[] key, byte @Nullable [] value) {
        state.lock.readLock().lock();
        try {
            if (!state.closed) {
                if (value == null) {
                    state.db.delete(writeOptions, key);
                } else {
                    state.db.put(writeOptions, key, value);
                }
            }
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot write the crawler state", e);
        } finally {
            state.lock.readLock().unlock();
        }
    }

    /** Waits until every status sent so far is acknowledged, then notes how far each partition is safe. */
    public void flush() {
        producer.flush();
        open.values().forEach(this::checkpoint);
    }

    private void checkpoint(PartitionState state) {
        long next = Math.max(state.restoredTo, state.acked.get() + 1);
        write(state, CHECKPOINT, ByteBuffer.allocate(Long.BYTES).putLong(next).array());
    }

    /**
     * Opens and brings up to date the databases of newly assigned partitions; returns, once every
     * one answers for all of its hosts, how many records it read from the topic.
     */
    public long assign(Collection<Integer> partitions) {
        long started = System.nanoTime();
        Map<Integer, RocksDB> dbs = new HashMap<>();
        Map<Integer, Options> options = new HashMap<>();
        Map<TopicPartition, Long> from = new HashMap<>();
        for (int partition : partitions) {
            if (open.containsKey(partition)) {
                continue;
            }
            Options opts = memory.options(writeBufferBytes);
            try {
                RocksDB db = RocksDB.open(opts, dir.resolve("url-status-" + partition).toString());
                byte[] checkpoint = db.get(CHECKPOINT);
                dbs.put(partition, db);
                options.put(partition, opts);
                from.put(new TopicPartition(Topics.URL_STATUS.name(), partition), checkpoint == null ? 0 : ByteBuffer.wrap(checkpoint).getLong());
            } catch (RocksDBException e) {
                opts.close();
                throw new IllegalStateException("cannot open the crawler state of partition " + partition + " in " + dir, e);
            }
        }
        if (dbs.isEmpty()) {
            return 0;
        }
        List<ConsumerRecord<String, byte[]>> misplaced = new ArrayList<>();
        Map<TopicPartition, Long> end = restore(dbs, from, misplaced);
        long restored = 0;
        for (Map.Entry<Integer, RocksDB> entry : dbs.entrySet()) {
            TopicPartition tp = new TopicPartition(Topics.URL_STATUS.name(), entry.getKey());
            restored += end.get(tp) - from.get(tp);
            PartitionState state = new PartitionState(entry.getValue(), options.get(entry.getKey()), end.get(tp));
            open.put(entry.getKey(), state);
            checkpoint(state);
        }
        refile(misplaced);
        LOG.info("crawler state of partitions {} ready: {} records read from {} in {} ms", dbs.keySet(), restored,
                Topics.URL_STATUS.name(), (System.nanoTime() - started) / 1_000_000);
        return restored;
    }

    /** Reads each partition from its checkpoint to the end the topic has now; returns the ends. */
    private Map<TopicPartition, Long> restore(Map<Integer, RocksDB> dbs, Map<TopicPartition, Long> from,
            List<ConsumerRecord<String, byte[]>> misplaced) {
        HostPartitioner current = requireNonNull(partitioner, "start() first");
        try (KafkaConsumer<String, byte[]> consumer = restoreConsumer()) {
            consumer.assign(from.keySet());
            Map<TopicPartition, Long> end = consumer.endOffsets(from.keySet());
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(from.keySet());
            List<TopicPartition> pending = new ArrayList<>();
            for (Map.Entry<TopicPartition, Long> checkpoint : from.entrySet()) {
                TopicPartition tp = checkpoint.getKey();
                // a checkpoint past the end means the topic was recreated: read it all again
                long start = checkpoint.getValue() > end.get(tp) ? beginning.get(tp) : Math.max(checkpoint.getValue(), beginning.get(tp));
                checkpoint.setValue(start);
                consumer.seek(tp, start);
                if (start < end.get(tp)) {
                    pending.add(tp);
                }
            }
            while (!pending.isEmpty()) {
                Map<Integer, WriteBatch> batches = new HashMap<>();
                try {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.key() == null || record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                            continue;
                        }
                        if (current.partitionOf(HostKey.of(record.key())) != record.partition()) {
                            // written before statuses were partitioned by host: moved once they are all read
                            if (record.value() != null) {
                                misplaced.add(record);
                            }
                            continue;
                        }
                        WriteBatch batch = batches.computeIfAbsent(record.partition(), p -> new WriteBatch());
                        byte[] key = record.key().getBytes(StandardCharsets.UTF_8);
                        if (record.value() == null) {
                            batch.delete(key);
                        } else {
                            batch.put(key, record.value());
                        }
                    }
                    for (Map.Entry<Integer, WriteBatch> batch : batches.entrySet()) {
                        dbs.get(batch.getKey()).write(writeOptions, batch.getValue());
                    }
                } catch (RocksDBException e) {
                    throw new IllegalStateException("cannot restore the crawler state", e);
                } finally {
                    batches.values().forEach(WriteBatch::close);
                }
                pending.removeIf(tp -> consumer.position(tp) >= end.get(tp));
            }
            return end;
        }
    }

    /**
     * Moves statuses found on a partition their host does not belong to (a data dir from before
     * statuses were partitioned by host) to their host's partition, and tombstones them where they were.
     */
    private void refile(List<ConsumerRecord<String, byte[]>> misplaced) {
        if (misplaced.isEmpty()) {
            return;
        }
        for (ConsumerRecord<String, byte[]> record : misplaced) {
            int partition = partitionOf(record.key());
            PartitionState state = open.get(partition);
            if (state != null) {
                write(state, record.key().getBytes(StandardCharsets.UTF_8), record.value());
            }
            send(partition, record.key(), record.value());
            send(record.partition(), record.key(), null);
        }
        producer.flush();
        LOG.info("moved {} url statuses to the partitions of their hosts", misplaced.size());
    }

    /** Closes the databases of partitions handed over, after noting how far they are up to date. */
    public void revoke(Collection<Integer> partitions) {
        producer.flush();
        for (int partition : partitions) {
            PartitionState state = open.remove(partition);
            if (state != null) {
                checkpoint(state);
                state.lock.writeLock().lock();
                try {
                    state.closed = true;
                    state.db.close();
                    state.options.close();
                } finally {
                    state.lock.writeLock().unlock();
                }
            }
        }
    }

    /**
     * Drops every URL last seen (fetched or listed) before {@code cutoff} from the partitions held
     * now, and tombstones it on the topic; returns how many were dropped.
     */
    public long sweep(Instant cutoff) {
        long dropped = 0;
        for (Map.Entry<Integer, PartitionState> entry : open.entrySet()) {
            dropped += sweep(entry.getKey(), entry.getValue(), cutoff);
        }
        return dropped;
    }

    private long sweep(int partition, PartitionState state, Instant cutoff) {
        long dropped = 0;
        byte[] after = CHECKPOINT;
        while (after != null) {
            List<byte[]> expired = new ArrayList<>();
            byte[] last = null;
            state.lock.readLock().lock();
            try {
                if (state.closed) {
                    return dropped;
                }
                try (RocksIterator it = state.db.newIterator()) {
                    int seen = 0;
                    for (it.seek(after); it.isValid() && seen < SWEEP_CHUNK; it.next()) {
                        byte[] key = it.key();
                        if (java.util.Arrays.equals(key, after)) {
                            continue;
                        }
                        seen++;
                        last = key;
                        if (expired(it.value(), cutoff)) {
                            expired.add(key);
                        }
                    }
                }
            } finally {
                state.lock.readLock().unlock();
            }
            for (byte[] key : expired) {
                write(state, key, null);
                send(partition, new String(key, StandardCharsets.UTF_8), null);
            }
            dropped += expired.size();
            after = last;
        }
        return dropped;
    }

    private static boolean expired(byte[] value, Instant cutoff) {
        try {
            return JsonCodec.decode(value, UrlStatus.class).lastSeen().isBefore(cutoff);
        } catch (JsonCodecException e) {
            return false;
        }
    }

    private KafkaConsumer<String, byte[]> restoreConsumer() {
        Properties props = new Properties();
        props.putAll(kafka);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public boolean isHealthy() {
        return !closed;
    }

    @Override
    public void close() {
        closed = true;
        try {
            revoke(List.copyOf(open.keySet()));
        } finally {
            producer.close(Duration.ofSeconds(10));
            writeOptions.close();
            memory.close();
        }
    }
}
