package io.rollcall.devstack.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.rollcall.devstack.process.DevStackDirs;

/**
 * A Redis Cluster on 127.0.0.1: masters that share the 16,384 hash slots evenly, each
 * with one replica, so a lost master's replica is promoted and nothing acknowledged by
 * both is lost. Formed with {@code CLUSTER} commands (as {@code redis-cli --cluster
 * create} does): distinct config epochs, slots, {@code MEET}, {@code REPLICATE}.
 * <p>
 * Nodes keep their data in memory and their cluster configuration in a temporary folder,
 * so a node stopped or killed and started again rejoins the cluster (empty, as a replica
 * when its replica was promoted meanwhile); {@link #close()} deletes the folder.
 */
public final class RedisCluster implements AutoCloseable {

	private static final int SLOTS = 16_384;

	private static final Duration FORM_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	private final Path dir;

	private final List<RedisServer> nodes;

	private RedisCluster(Path dir, List<RedisServer> nodes) {
		this.dir = dir;
		this.nodes = nodes;
	}

	/**
	 * Starts {@code masters} masters and as many replicas, forms the cluster and waits
	 * until every slot is served and every replica is in sync.
	 */
	public static RedisCluster start(int masters) {
		Path dir;
		try {
			dir = Files.createTempDirectory(DevStackDirs.temp(), "rollcall-redis-cluster-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the Redis Cluster folder", ex);
		}
		List<RedisServer> nodes = new ArrayList<>();
		RedisCluster cluster = new RedisCluster(dir, nodes);
		try {
			for (int i = 0; i < 2 * masters; i++) {
				nodes.add(RedisServer.start(RedisOptions.clusterNode(dir)));
			}
			cluster.form(masters);
			return cluster;
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
	}

	private void form(int masters) {
		for (int i = 0; i < masters; i++) {
			String master = this.nodes.get(i).url();
			RedisCommand.expect(master, "+OK", "CLUSTER", "SET-CONFIG-EPOCH", Integer.toString(i + 1));
			int from = i * SLOTS / masters;
			int to = (i + 1) * SLOTS / masters;
			List<String> command = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
			IntStream.range(from, to).mapToObj(Integer::toString).forEach(command::add);
			RedisCommand.expect(master, "+OK", command.toArray(String[]::new));
		}
		RedisServer first = this.nodes.getFirst();
		for (RedisServer node : this.nodes.subList(1, this.nodes.size())) {
			RedisCommand.expect(first.url(), "+OK", "CLUSTER", "MEET", "127.0.0.1", Integer.toString(node.port()));
		}
		await("every node knows every other",
				() -> this.nodes.stream().allMatch(node -> clusterNodes(node).lines().count() == this.nodes.size()));
		for (int i = 0; i < masters; i++) {
			String masterId = RedisCommand.text(this.nodes.get(i).url(), "CLUSTER", "MYID");
			RedisServer replica = this.nodes.get(masters + i);
			await("a replica to accept its master", () -> {
				try {
					return RedisCommand.send(replica.url(), "CLUSTER", "REPLICATE", masterId).equals("+OK");
				}
				catch (IOException ex) {
					return false;
				}
			});
		}
		awaitHealthy();
	}

	/**
	 * Waits until every running node sees the cluster {@code ok} (every slot served) and
	 * every running replica is in sync with its master.
	 */
	public void awaitHealthy() {
		await("the cluster to be ok and its replicas in sync", () -> running().allMatch(node -> {
			try {
				String info = RedisCommand.text(node.url(), "CLUSTER", "INFO");
				String replication = RedisCommand.text(node.url(), "INFO", "replication");
				return info.contains("cluster_state:ok")
						&& (replication.contains("role:master") || replication.contains("master_link_status:up"));
			}
			catch (IllegalStateException ex) {
				// Not answering yet.
				return false;
			}
		}));
	}

	/**
	 * Seeds of the cluster for a client: {@code redis://127.0.0.1:<port>,127.0.0.1:...},
	 * every node.
	 */
	public String url() {
		return "redis://"
				+ this.nodes.stream().map(node -> "127.0.0.1:" + node.port()).collect(Collectors.joining(","));
	}

	/** Every node, masters first as formed (roles change with failovers). */
	public List<RedisServer> nodes() {
		return List.copyOf(this.nodes);
	}

	/** The running master that serves {@code key}'s hash slot now. */
	public RedisServer masterOf(String key) {
		RedisServer anyNode = running().findFirst().orElseThrow(() -> new IllegalStateException("no node runs"));
		int slot = Integer.parseInt(RedisCommand.text(anyNode.url(), "CLUSTER", "KEYSLOT", key));
		return masterServing(slot, anyNode)
			.orElseThrow(() -> new IllegalStateException("no master serves slot " + slot + " of " + key));
	}

	/** Whether {@code node} is a master now, as the node itself says. */
	public boolean isMaster(RedisServer node) {
		return RedisCommand.text(node.url(), "INFO", "replication").contains("role:master");
	}

	/** Deletes every key: {@code FLUSHALL} on every master (replicas follow). */
	public void flushAll() {
		running().filter(this::isMaster).forEach(node -> RedisCommand.expect(node.url(), "+OK", "FLUSHALL"));
	}

	/** Stops every node; {@link #start()} brings the cluster back, empty. */
	public void stop() {
		this.nodes.forEach(RedisServer::stop);
	}

	/** Starts every node that is not running and waits until the cluster is healthy. */
	public void start() {
		this.nodes.stream().filter(node -> !node.isRunning()).forEach(RedisServer::start);
		awaitHealthy();
	}

	private Optional<RedisServer> masterServing(int slot, RedisServer asked) {
		for (String line : clusterNodes(asked).lines().toList()) {
			// <id> <ip:port@cport> <flags> <master> <ping> <pong> <epoch> <link>
			// <slot>...
			String[] fields = line.split(" ");
			boolean master = fields[2].contains("master") && !fields[2].contains("fail");
			if (master && servesSlot(fields, slot)) {
				int port = Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1, fields[1].indexOf('@')));
				return this.nodes.stream().filter(node -> node.port() == port).findFirst();
			}
		}
		return Optional.empty();
	}

	private static boolean servesSlot(String[] fields, int slot) {
		for (int i = 8; i < fields.length; i++) {
			if (fields[i].startsWith("[")) {
				continue;
			}
			String[] range = fields[i].split("-");
			int from = Integer.parseInt(range[0]);
			int to = Integer.parseInt(range[range.length - 1]);
			if (from <= slot && slot <= to) {
				return true;
			}
		}
		return false;
	}

	private static String clusterNodes(RedisServer node) {
		return RedisCommand.text(node.url(), "CLUSTER", "NODES");
	}

	private Stream<RedisServer> running() {
		return this.nodes.stream().filter(RedisServer::isRunning);
	}

	private static void await(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + FORM_TIMEOUT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"Redis Cluster: gave up waiting for " + what + " after " + FORM_TIMEOUT);
			}
			try {
				Thread.sleep(POLL_INTERVAL);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + what, ex);
			}
		}
	}

	@Override
	public void close() {
		this.nodes.forEach(RedisServer::close);
		DevStackDirs.deleteTree(this.dir);
	}

}
