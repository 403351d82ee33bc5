package io.rollcall.devstack.elasticsearch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The few cluster operations devstack needs, over plain HTTP so that devstack does not
 * pin an Elasticsearch client version on the modules that use it.
 */
public final class ElasticsearchHttp {

	private final URI url;

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/**
	 * @param url the cluster's base URL, e.g. {@code http://127.0.0.1:9200}
	 */
	public ElasticsearchHttp(String url) {
		this.url = URI.create(url.endsWith("/") ? url : url + "/");
	}

	/**
	 * Waits up to {@code timeout} for the cluster to be at least yellow. The
	 * integ-test-zip has no {@code GET /}, and health is what tests need anyway.
	 * @return whether it is; {@code false} also when nothing listens yet
	 */
	public boolean awaitYellow(Duration timeout) {
		try {
			return send(HttpRequest
				.newBuilder(
						this.url.resolve("_cluster/health?wait_for_status=yellow&timeout=" + timeout.toMillis() + "ms"))
				.timeout(timeout.plusSeconds(5))
				.GET()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Whether the node accepts HTTP connections, whatever its cluster's state (a node
	 * waiting for the others to form a cluster answers nothing useful yet, but listens).
	 */
	public boolean listens() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.url.getHost(), this.url.getPort()), 1_000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Waits up to {@code timeout} for the cluster to have {@code nodes} nodes and every
	 * shard allocated (green).
	 * @return whether it does
	 */
	public boolean awaitGreen(int nodes, Duration timeout) {
		try {
			return send(
					HttpRequest
						.newBuilder(this.url.resolve("_cluster/health?wait_for_status=green&wait_for_nodes=" + nodes
								+ "&timeout=" + timeout.toMillis() + "ms"))
						.timeout(timeout.plusSeconds(5))
						.GET())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Deletes every index (hidden and closed ones included) matching the pattern, keeping
	 * index templates. Lists first and deletes by name, so it also works on clusters
	 * where {@code action.destructive_requires_name} is true.
	 */
	public void deleteIndices(String pattern) {
		try {
			HttpResponse<String> listed = expect(200,
					HttpRequest
						.newBuilder(this.url.resolve("_cat/indices/" + pattern + "?h=index&expand_wildcards=all"))
						.GET());
			List<String> names = listed.body().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
			if (!names.isEmpty()) {
				expect(200, HttpRequest.newBuilder(this.url.resolve(String.join(",", names))).DELETE());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot delete indices " + pattern + " at " + this.url, ex);
		}
	}

	private HttpResponse<String> expect(int status, HttpRequest.Builder request) throws IOException {
		HttpResponse<String> response = send(request.timeout(Duration.ofSeconds(30)));
		if (response.statusCode() != status) {
			throw new IllegalStateException(response.request().method() + " " + response.uri() + " returned "
					+ response.statusCode() + ": " + response.body());
		}
		return response;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

}
