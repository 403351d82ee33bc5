package io.rollcall.indexer.stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.models.stream.PendingMessages;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.rollcall.indexer.redis.RedisProperties;
import io.rollcall.indexer.write.BatchApplier;
import io.rollcall.schema.stream.IngestKeys;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The consumer loop: one thread per replica reads the live stream through the consumer group,
 * cuts batches by size and age, hands them to the {@link BatchApplier} and acknowledges what it
 * applied. Entries it could not apply stay pending; every replica, this one included, claims
 * entries pending longer than {@code claim-idle} (XAUTOCLAIM), which is how a crashed replica's
 * entries and a batch that hit an Elasticsearch outage get applied after all.
 *
 * <p>The indexer never trims the stream. Trimming by length ({@code MAXLEN}) can drop entries
 * that are not acknowledged yet; if the stream must be trimmed, trim with {@code MINID} below the
 * oldest pending id of the group (see {@code XPENDING}), which only removes acknowledged entries.
 */
@Component
class StreamConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamConsumer.class);
    private static final Duration GAUGE_INTERVAL = Duration.ofSeconds(5);
    private static final Duration MAX_ERROR_PAUSE = Duration.ofSeconds(5);

    private final RedisClient redisClient;
    private final RedisProperties redisProperties;
    private final StreamProperties properties;
    private final IngestKeys keys;
    private final BatchApplier applier;
    private final String consumerName;
    private final AtomicLong pendingCount = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();

    private volatile boolean running;
    private Thread thread;
    private ConsumerGroup group;
    private long nextClaimAt;
    private long nextGaugeAt;

    StreamConsumer(RedisClient redisClient, RedisProperties redisProperties, StreamProperties properties,
            IngestKeys keys, BatchApplier applier, MeterRegistry registry) {
        this.redisClient = redisClient;
        this.redisProperties = redisProperties;
        this.properties = properties;
        this.keys = keys;
        this.applier = applier;
        this.consumerName = properties.consumerName().isBlank() ? generatedName() : properties.consumerName();
        Gauge.builder("rollcall.indexer.stream.pending", pendingCount, AtomicLong::get)
                .description("Entries of the live stream read by some replica but not acknowledged yet")
                .register(registry);
        Gauge.builder("rollcall.indexer.stream.oldest.pending.age", oldestPendingMillis, millis -> millis.get() / 1000.0)
                .description("Age of the oldest pending entry of the live stream")
                .baseUnit("seconds")
                .register(registry);
    }

    String consumerName() {
        return consumerName;
    }

    @Override
    public synchronized void start() {
        // The blocking read may take up to max-age on top of the usual command time.
        group = new ConsumerGroup(redisClient, keys.liveStream(), keys.consumerGroup(), consumerName,
                redisProperties.commandTimeout().plus(properties.batch().maxAge()));
        group.create();
        running = true;
        thread = Thread.ofPlatform().name("rollcall-stream-" + consumerName).start(this::run);
        log.info("Consuming {} as {} in group {}", keys.liveStream(), consumerName, keys.consumerGroup());
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                // A batch in flight finishes (it may be retrying): its entries would otherwise wait claim-idle.
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        if (group != null) {
            group.close();
            group = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                claimIfDue();
                List<StreamMessage<String, String>> batch = readBatch();
                if (!batch.isEmpty()) {
                    apply(batch);
                }
                updateGaugesIfDue();
                failures = 0;
            } catch (RuntimeException e) {
                if (ConsumerGroup.isNoGroup(e)) {
                    log.warn("Consumer group {} is gone; creating it again", keys.consumerGroup());
                    recreateGroup();
                    continue;
                }
                failures++;
                log.warn("Stream consumer failed ({} in a row); backing off: {}", failures, e.toString(), e);
                pause(failures);
            }
        }
    }

    private void apply(List<StreamMessage<String, String>> batch) {
        group.ack(applier.apply(batch));
    }

    /** Reads until the batch holds max-items items or max-age has passed since its first entry. */
    private List<StreamMessage<String, String>> readBatch() {
        int maxItems = properties.batch().maxItems();
        Duration maxAge = properties.batch().maxAge();
        List<StreamMessage<String, String>> batch = new ArrayList<>(group.read(maxItems, maxAge));
        if (batch.isEmpty()) {
            return batch;
        }
        long deadline = System.nanoTime() + maxAge.toNanos();
        int items = itemsIn(batch);
        while (running && items < maxItems) {
            long left = deadline - System.nanoTime();
            if (left < TimeUnit.MILLISECONDS.toNanos(1)) {
                break;
            }
            List<StreamMessage<String, String>> more = group.read(maxItems - items, Duration.ofNanos(left));
            batch.addAll(more);
            items += itemsIn(more);
        }
        return batch;
    }

    /**
     * Claims entries that stayed pending longer than claim-idle, at most every half claim-idle.
     * They are applied as a batch of their own, before new entries.
     */
    private void claimIfDue() {
        long now = System.nanoTime();
        if (now - nextClaimAt < 0) {
            return;
        }
        nextClaimAt = now + properties.claimIdle().toNanos() / 2;
        List<StreamMessage<String, String>> claimed = group.claim(properties.claimIdle(), properties.batch().maxItems());
        if (!claimed.isEmpty()) {
            log.info("Claimed {} entries pending for more than {}", claimed.size(), properties.claimIdle());
            apply(claimed);
        }
    }

    private void updateGaugesIfDue() {
        long now = System.nanoTime();
        if (now - nextGaugeAt < 0) {
            return;
        }
        nextGaugeAt = now + GAUGE_INTERVAL.toNanos();
        PendingMessages pending = group.pending();
        pendingCount.set(pending.getCount());
        String oldest = pending.getCount() == 0 || pending.getMessageIds().getLower() == null
                ? null
                : pending.getMessageIds().getLower().getValue();
        oldestPendingMillis.set(oldest == null ? 0 : Math.max(0, System.currentTimeMillis() - idMillis(oldest)));
    }

    private void recreateGroup() {
        try {
            group.create();
        } catch (RuntimeException e) {
            log.warn("Could not create consumer group: {}", e.toString());
            pause(1);
        }
    }

    private void pause(int failures) {
        long cap = Math.min(MAX_ERROR_PAUSE.toMillis(), 100L << Math.min(failures, 10));
        try {
            Thread.sleep(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** The items of {@code messages}: the objects of each body array, counted without decoding; at least one per entry. */
    private static int itemsIn(List<StreamMessage<String, String>> messages) {
        int items = 0;
        for (StreamMessage<String, String> message : messages) {
            items += message.getBody() == null ? 1 : Math.max(1, count(message.getBody().get("body")));
        }
        return items;
    }

    /** Counts the objects at depth one of a JSON array without parsing it (strings are skipped). */
    static int count(String body) {
        if (body == null) {
            return 1;
        }
        int depth = 0;
        int objects = 0;
        boolean inString = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (c == '{' && depth == 1) {
                    objects++;
                }
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return objects;
    }

    private static long idMillis(String streamId) {
        int dash = streamId.indexOf('-');
        return Long.parseLong(dash < 0 ? streamId : streamId.substring(0, dash));
    }

    private static String generatedName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "indexer";
        }
        return host + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }
}
