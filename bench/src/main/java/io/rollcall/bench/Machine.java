package io.rollcall.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the numbers were measured on; part of every report. */
record Machine(int processors, long memoryBytes, String jdk, String os, String loadAverage) {

	static Machine current() {
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		return new Machine(Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize(),
				System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
				System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
						+ System.getProperty("os.arch"),
				currentLoadAverage());
	}

	/** The 1, 5 and 15-minute load averages: other work on the machine shows here. */
	static String currentLoadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return String.format(Locale.ROOT, "%.2f",
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	String memory() {
		return String.format(Locale.ROOT, "%.1f GiB", this.memoryBytes / (1024.0 * 1024 * 1024));
	}

}
