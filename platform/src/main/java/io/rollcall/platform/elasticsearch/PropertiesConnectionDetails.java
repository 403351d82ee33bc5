package io.rollcall.platform.elasticsearch;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * {@link ElasticsearchConnectionProperties} as Spring Boot's connection details, the
 * extension point Boot's own service connections use: Boot then builds the client with
 * these nodes, credentials and trust.
 */
final class PropertiesConnectionDetails implements ElasticsearchConnectionDetails {

	private final ElasticsearchConnectionProperties properties;

	PropertiesConnectionDetails(ElasticsearchConnectionProperties properties) {
		this.properties = properties;
	}

	@Override
	public List<Node> getNodes() {
		return this.properties.url().stream().map(PropertiesConnectionDetails::node).toList();
	}

	@Override
	public String getUsername() {
		return blankToNull(this.properties.username());
	}

	@Override
	public String getPassword() {
		return blankToNull(this.properties.password());
	}

	@Override
	public String getApiKey() {
		return blankToNull(this.properties.apiKey());
	}

	/** The path of the first address, when the cluster sits behind a proxy path. */
	@Override
	public String getPathPrefix() {
		String path = this.properties.url().getFirst().getPath();
		return path == null || path.isEmpty() || path.equals("/") ? null : path;
	}

	@Override
	public SslBundle getSslBundle() {
		String certificate = this.properties.caCertificate();
		if (!ElasticsearchConnectionProperties.hasText(certificate)) {
			return null;
		}
		return SslBundle.of(new PemSslStoreBundle(null, PemSslStoreDetails.forCertificates(certificate)));
	}

	private static Node node(URI uri) {
		boolean https = "https".equals(uri.getScheme().toLowerCase(Locale.ROOT));
		int port = uri.getPort() != -1 ? uri.getPort() : (https ? 443 : 80);
		return new Node(uri.getHost(), port, https ? Node.Protocol.HTTPS : Node.Protocol.HTTP);
	}

	private static String blankToNull(String value) {
		return ElasticsearchConnectionProperties.hasText(value) ? value : null;
	}

}
