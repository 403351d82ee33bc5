package io.rollcall.devstack.redis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends one command over a raw socket (RESP), for readiness checks, resets and forming a
 * cluster: devstack does not pin a Redis client on the modules that use it.
 */
public final class RedisCommand {

	private static final int TIMEOUT_MILLIS = 5_000;

	private RedisCommand() {
	}

	/**
	 * Sends the command and returns the first line of the reply, e.g. {@code +PONG} or
	 * {@code -ERR ...}.
	 * @param url {@code redis://host:port}
	 * @throws IOException when nothing listens or the connection breaks
	 */
	public static String send(String url, String... command) throws IOException {
		return exchange(url, command, false);
	}

	/**
	 * Sends the command and returns its reply as text: a status without its {@code +}, an
	 * integer, or the content of a bulk string (e.g. {@code CLUSTER NODES}).
	 * @throws IllegalStateException when Redis answers an error or cannot be reached
	 */
	public static String text(String url, String... command) {
		try {
			String reply = exchange(url, command, true);
			if (reply.startsWith("-")) {
				throw new IllegalStateException("Redis at " + url + " answered " + reply + " to " + command[0]);
			}
			return reply;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot send " + command[0] + " to Redis at " + url, ex);
		}
	}

	/**
	 * Sends the command and fails unless Redis answers {@code expected}, e.g.
	 * {@code +OK}.
	 */
	public static void expect(String url, String expected, String... command) {
		try {
			String reply = send(url, command);
			if (!reply.equals(expected)) {
				throw new IllegalStateException("Redis at " + url + " answered " + reply + " to " + command[0]);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot send " + command[0] + " to Redis at " + url, ex);
		}
	}

	private static String exchange(String url, String[] command, boolean content) throws IOException {
		URI uri = URI.create(url);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			StringBuilder request = new StringBuilder("*").append(command.length).append("\r\n");
			for (String argument : command) {
				request.append('$').append(argument.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
				request.append(argument).append("\r\n");
			}
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			String reply = line(in, url);
			if (!content) {
				return reply;
			}
			return switch (reply.charAt(0)) {
				case '+', ':' -> reply.substring(1);
				case '$' -> bulk(in, Integer.parseInt(reply.substring(1)), url);
				default -> reply;
			};
		}
	}

	private static String bulk(InputStream in, int length, String url) throws IOException {
		if (length < 0) {
			return "";
		}
		byte[] content = in.readNBytes(length + 2);
		if (content.length < length + 2) {
			throw new IOException("Redis at " + url + " closed the connection");
		}
		return new String(content, 0, length, StandardCharsets.UTF_8);
	}

	private static String line(InputStream in, String url) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int previous = -1;
		for (int next = in.read(); next != -1; next = in.read()) {
			if (previous == '\r' && next == '\n') {
				byte[] bytes = line.toByteArray();
				return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
			}
			line.write(next);
			previous = next;
		}
		throw new IOException("Redis at " + url + " closed the connection");
	}

}
