package io.rollcall.devstack.elasticsearch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.rollcall.devstack.process.FreePort;

/**
 * An Elasticsearch cluster of several nodes on 127.0.0.1, from one unpacked distribution:
 * each node has its own folder (data, logs, and a {@code config/} of its own, where it
 * writes its keystore) and its own HTTP and transport ports. They find each other through
 * {@code discovery.seed_hosts} (every node's transport port) and elect the first master
 * among {@code cluster.initial_master_nodes}.
 * <p>
 * The nodes are launched in turn, each once the previous one listens, so that they do not
 * all compete for the two cores at once; the cluster is ready once it has every node and
 * every shard (green).
 */
public final class ElasticsearchCluster implements AutoCloseable {

	private final List<ElasticsearchNode> nodes;

	private final Duration startupTimeout;

	private ElasticsearchCluster(List<ElasticsearchNode> nodes, Duration startupTimeout) {
		this.nodes = nodes;
		this.startupTimeout = startupTimeout;
	}

	/**
	 * Starts a cluster of {@code size} nodes, each run with {@code options} (heap,
	 * timeouts, extra settings; a temporary folder per node), and waits until it is
	 * green.
	 */
	public static ElasticsearchCluster start(ElasticsearchOptions options, int size) {
		List<Integer> httpPorts = IntStream.range(0, size).mapToObj(i -> FreePort.find()).toList();
		List<Integer> transportPorts = IntStream.range(0, size).mapToObj(i -> FreePort.find()).toList();
		List<String> names = IntStream.range(0, size).mapToObj(i -> "node-" + i).toList();
		String seedHosts = transportPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
		List<ElasticsearchNode> nodes = new ArrayList<>();
		ElasticsearchCluster cluster = new ElasticsearchCluster(nodes, options.startupTimeout());
		try {
			for (int i = 0; i < size; i++) {
				nodes.add(ElasticsearchNode.prepare(
						options.withSetting("cluster.name", "rollcall-devstack-" + httpPorts.getFirst())
							.withSetting("node.name", names.get(i))
							.withSetting("discovery.type", "multi-node")
							.withSetting("discovery.seed_hosts", seedHosts)
							.withSetting("cluster.initial_master_nodes", String.join(",", names)),
						httpPorts.get(i), transportPorts.get(i)));
			}
			cluster.start();
			return cluster;
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
	}

	/**
	 * Starts every node that does not run, in turn, and waits until the cluster is green:
	 * after {@link #stop()}, the same cluster on the same ports with its data.
	 */
	public void start() {
		for (ElasticsearchNode node : this.nodes) {
			if (!node.isRunning()) {
				node.launch();
				node.awaitListening();
			}
		}
		awaitGreen();
	}

	/**
	 * Waits until every node is in the cluster and every shard copy is allocated.
	 * @throws IllegalStateException when that takes longer than the start-up timeout
	 */
	public void awaitGreen() {
		if (!new ElasticsearchHttp(url()).awaitGreen(this.nodes.size(), this.startupTimeout)) {
			throw new IllegalStateException("The Elasticsearch cluster " + urls() + " did not turn green with "
					+ this.nodes.size() + " nodes within " + this.startupTimeout);
		}
	}

	/** The URL of a running node, for requests that any node answers. */
	public String url() {
		return this.nodes.stream()
			.filter(ElasticsearchNode::isRunning)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no node of the cluster runs"))
			.url();
	}

	/** Every node's URL, comma-separated, for clients that spread requests over nodes. */
	public String urls() {
		return this.nodes.stream().map(ElasticsearchNode::url).collect(Collectors.joining(","));
	}

	/** The nodes, {@code node-0} first. */
	public List<ElasticsearchNode> nodes() {
		return List.copyOf(this.nodes);
	}

	/** The node called {@code name} in the cluster (e.g. in {@code _cat/shards}). */
	public ElasticsearchNode node(String name) {
		return this.nodes.stream()
			.filter(node -> node.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no node " + name + " in " + urls()));
	}

	/** Stops every node, keeping their data. */
	public void stop() {
		this.nodes.reversed().forEach(ElasticsearchNode::stop);
	}

	@Override
	public void close() {
		this.nodes.reversed().forEach(ElasticsearchNode::close);
	}

}
