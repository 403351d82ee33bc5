package io.rollcall.bench;

import io.rollcall.bench.Rush.Cell;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The benchmark's pictures, PNG files drawn with JFreeChart without a display: latency
 * and throughput of the morning rush against the number of managers, for the gateway,
 * direct and plain Elasticsearch (logarithmic axes: the paths are orders of magnitude
 * apart), and the accept → visible lag distribution of scenario c (the indexer's timer)
 * next to the rush's probe (the client's visible write). Written next to the results, and
 * copied to {@code docs/performance/} for docs/PERFORMANCE.md when asked.
 */
final class Charts {

	static final String LATENCY_WITH_WRITES = "rush-latency-writes.png";

	static final String LATENCY_WITHOUT_WRITES = "rush-latency-no-writes.png";

	static final String THROUGHPUT = "rush-throughput.png";

	static final String FRESHNESS = "freshness-lag.png";

	private static final int WIDTH = 900;

	private static final int HEIGHT = 520;

	private static final BasicStroke SOLID = new BasicStroke(2.5f);

	private static final BasicStroke DASHED = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
			new float[] { 7f, 5f }, 0f);

	/** One colour per path, the same in every chart. */
	private static final List<Color> COLOURS = List.of(new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c));

	static {
		// Before the first AWT class: no display here, nor on a CI machine.
		System.setProperty("java.awt.headless", "true");
	}

	private Charts() {
	}

	/** The rush's charts in {@code directory}; their paths. */
	static List<Path> rush(Rush.Result result, Path directory) {
		List<Path> written = new ArrayList<>();
		written.add(save(latency(result, true), directory.resolve(LATENCY_WITH_WRITES)));
		written.add(save(latency(result, false), directory.resolve(LATENCY_WITHOUT_WRITES)));
		written.add(save(throughput(result), directory.resolve(THROUGHPUT)));
		return written;
	}

	/**
	 * The lag distributions that were measured (scenario c's, the rush probe's, or both)
	 * in {@code directory}; its path.
	 */
	static Path freshness(LagHistogram indexer, LagHistogram probe, Path directory) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		List<String> labels = LagHistogram.labels();
		for (int bin = 0; bin < labels.size(); bin++) {
			if (indexer != null) {
				data.addValue(indexer.percent(bin), "scenario c: indexer's timer, accepted → searchable",
						labels.get(bin));
			}
			if (probe != null) {
				data.addValue(probe.percent(bin), "scenario g: probe's visible write, sent → answered",
						labels.get(bin));
			}
		}
		JFreeChart chart = ChartFactory.createBarChart("Freshness: accept → visible lag", "lag (ms)",
				"share of samples (%)", data);
		style(chart);
		CategoryPlot plot = chart.getCategoryPlot();
		plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
		for (int series = 0; series < data.getRowCount(); series++) {
			plot.getRenderer().setSeriesPaint(series, COLOURS.get(series));
		}
		return save(chart, directory.resolve(FRESHNESS));
	}

	private static JFreeChart latency(Rush.Result result, boolean writes) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (ReadPath path : ReadPath.values()) {
			for (int clients : Rush.CLIENTS) {
				Tally reads = result.cell(clients, writes, path).reads();
				String column = Integer.toString(clients);
				data.addValue(millis(reads, Latencies::p50), path + " p50", column);
				data.addValue(millis(reads, Latencies::p95), path + " p95", column);
			}
		}
		return againstManagers(
				"Morning rush: latency, " + (writes ? "with " + result.options().rate() + " events/s" : "no writes"),
				"ms (log scale)", data);
	}

	private static JFreeChart throughput(Rush.Result result) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (ReadPath path : ReadPath.values()) {
			for (boolean writes : List.of(true, false)) {
				for (int clients : Rush.CLIENTS) {
					Cell cell = result.cell(clients, writes, path);
					data.addValue(cell.throughput() > 0 ? cell.throughput() : null,
							path + (writes ? ", with writes" : ", no writes"), Integer.toString(clients));
				}
			}
		}
		return againstManagers("Morning rush: answers per second", "answers/s (log scale)", data);
	}

	/**
	 * A line chart against the number of managers with a logarithmic value axis, its
	 * series in pairs per path (in {@link ReadPath} order): the first solid, the second
	 * dashed, both in the path's colour.
	 */
	private static JFreeChart againstManagers(String title, String valueAxis, DefaultCategoryDataset data) {
		JFreeChart chart = ChartFactory.createLineChart(title, "managers (closed-loop clients)", valueAxis, data);
		LineAndShapeRenderer lines = style(chart);
		for (int series = 0; series < data.getRowCount(); series++) {
			lines.setSeriesPaint(series, COLOURS.get(series / 2));
			lines.setSeriesStroke(series, series % 2 == 0 ? SOLID : DASHED);
		}
		// Ticks at 1, 2, 5... x 10^n, labelled as plain numbers.
		LogarithmicAxis axis = new LogarithmicAxis(valueAxis);
		axis.setAutoRangeNextLogFlag(true);
		axis.setStrictValuesFlag(false);
		chart.getCategoryPlot().setRangeAxis(axis);
		return chart;
	}

	private static Double millis(Tally reads, Function<Latencies, java.time.Duration> percentile) {
		return reads.anyAdmitted() ? percentile.apply(reads.latencies()).toNanos() / 1e6 : null;
	}

	/**
	 * White background, grey grid lines; line charts get points on their lines.
	 * @return the line renderer, or {@code null} for a bar chart
	 */
	private static LineAndShapeRenderer style(JFreeChart chart) {
		chart.setBackgroundPaint(Color.WHITE);
		CategoryPlot plot = chart.getCategoryPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
		if (plot.getRenderer() instanceof LineAndShapeRenderer lines) {
			lines.setDefaultShapesVisible(true);
			return lines;
		}
		return null;
	}

	private static Path save(JFreeChart chart, Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	/**
	 * Copies {@code charts} into {@code directory} (docs/performance/), replacing older
	 * ones.
	 */
	static void copy(List<Path> charts, Path directory) {
		try {
			Files.createDirectories(directory);
			for (Path chart : charts) {
				Files.copy(chart, directory.resolve(chart.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot copy the charts to " + directory, ex);
		}
	}

}
