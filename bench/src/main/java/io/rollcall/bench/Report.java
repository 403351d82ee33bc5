package io.rollcall.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The results in markdown, printed as they come and rewritten to the output file after
 * each section, so that a run that fails half-way still leaves what it measured.
 */
final class Report {

	private final Path output;

	private final StringBuilder markdown = new StringBuilder();

	Report(Path output) {
		this.output = output;
	}

	void heading(String title) {
		append("\n## " + title + "\n");
	}

	void line(String text) {
		append(text + "\n");
	}

	void table(List<String> header, List<List<String>> rows) {
		StringBuilder table = new StringBuilder();
		table.append(row(header));
		table.append(row(header.stream().map((column) -> "---").toList()));
		rows.forEach((row) -> table.append(row(row)));
		append(table.toString());
	}

	private static String row(List<String> cells) {
		return cells.stream().collect(Collectors.joining(" | ", "| ", " |\n"));
	}

	private void append(String text) {
		System.out.print(text);
		System.out.flush();
		this.markdown.append(text);
		try {
			Files.createDirectories(this.output.toAbsolutePath().getParent());
			Files.writeString(this.output, this.markdown);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + this.output, ex);
		}
	}

	Path output() {
		return this.output;
	}

}
