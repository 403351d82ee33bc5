package io.rollcall.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Certificates made for a test with the JDK's own keytool; nothing is checked in. */
public final class TestCertificates {

	private TestCertificates() {
	}

	/**
	 * Generates a self-signed CA certificate with common name {@code name} and writes it
	 * as PEM into {@code dir}.
	 * @return the PEM file
	 */
	public static Path selfSigned(Path dir, String name) throws IOException, InterruptedException {
		Path keystore = dir.resolve(name + ".p12");
		Path pem = dir.resolve(name + ".crt");
		keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-dname", "CN=" + name, "-ext", "bc:c", "-validity",
				"1", "-keystore", keystore.toString(), "-storepass", "changeit");
		keytool("-exportcert", "-rfc", "-alias", name, "-keystore", keystore.toString(), "-storepass", "changeit",
				"-file", pem.toString());
		return pem;
	}

	private static void keytool(String... arguments) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("keytool failed: " + output);
		}
	}

}
