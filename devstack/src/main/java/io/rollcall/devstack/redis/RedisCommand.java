package io.rollcall.devstack.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends one command over a raw socket (RESP), for readiness checks and resets: devstack
 * does not pin a Redis client on the modules that use it.
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
			String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
				.readLine();
			if (reply == null) {
				throw new IOException("Redis at " + url + " closed the connection");
			}
			return reply;
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

}
