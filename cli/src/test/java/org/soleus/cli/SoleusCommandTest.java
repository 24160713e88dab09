package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soleus.cli.CliAsserts.assertOneLineError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class SoleusCommandTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheAnalyzeCommand() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("Usage: soleus"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.strip().startsWith("analyze ")), r.out());
        assertTrue(r.out().contains("--debug"), r.out());
    }

    @Test
    void aCommandLineMadeForOneCommandHasItAsTheWholeOneHasIt() {
        CommandLine whole = SoleusCommand.commandLine();
        List<String> names = List.copyOf(whole.getSubcommands().keySet());
        assertEquals(List.of("analyze", "ports", "record", "simulate", "live", "calibrate"), names);
        for (String name : names) {
            CommandLine one = SoleusCommand.commandLine(name, "--help");
            assertEquals(List.of(name), List.copyOf(one.getSubcommands().keySet()));
            CommandLine command = one.getSubcommands().get(name);
            assertEquals(whole.getSubcommands().get(name).getUsageMessage(), command.getUsageMessage(), name);
            assertTrue(command.getCommandSpec().findOption("--debug") != null, name + " inherits --debug");
        }
        assertEquals(names, List.copyOf(SoleusCommand.commandLine("--debug", "analyze").getSubcommands().keySet()));
        Cli.Result none = Cli.run();
        assertEquals(2, none.exitCode());
        assertEquals("soleus: missing command (analyze, ports, record, simulate, live, calibrate) (see 'soleus --help')",
                none.err().strip());
        assertEquals(names, List.copyOf(SoleusCommand.commandLine("analyse").getSubcommands().keySet()));
    }

    @Test
    void analyzeHelpListsItsOptions() {
        Cli.Result r = Cli.run("analyze", "--help");
        assertEquals(0, r.exitCode());
        for (String option : new String[] {"--out=DIR", "--mass=KG", "--format=F", "--rate=HZ", "INPUT..."}) {
            assertTrue(r.out().contains(option), option + " missing from\n" + r.out());
        }
        assertTrue(r.out().replaceAll("\\s+", " ").contains("one of: soleus, gaitpdb, wfdb, moticon, gaitmap."),
                r.out());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("Needed for gaitmap IMU CSVs, which have no time column."),
                "--rate says which files need it:\n" + r.out());
    }

    @Test
    void versionNamesTheBuildVersion() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().matches("(?s)soleus \\d+\\.\\d+\\.\\d+\\S*\nJava .*"), r.out());
        for (String command : new String[] {"analyze", "record", "live", "simulate", "ports", "calibrate"}) {
            Cli.Result sub = Cli.run(command, "--version");
            assertEquals(0, sub.exitCode(), command);
            assertEquals(r.out(), sub.out(), command);
        }
    }

    @Test
    void fileContentQuotedInAnErrorCannotReachTheTerminalRaw() throws IOException {
        Path escape = Files.writeString(dir.resolve("escape.csv"),
                "# format: soleus-csv 1\n# sample_rate_hz: 100\n\u001b]0;pwned\u0007abc\n1\n");
        Cli.Result r = Cli.run("analyze", escape.toString(), "--out", dir.resolve("o1").toString());
        assertOneLineError(r, 1);
        assertTrue(r.err().contains("]0;pwned\\x07abc"), r.err());
        assertFalse(r.err().contains("\u001b") || r.err().contains("\u0007"), r.err());

        Path wide = Files.writeString(dir.resolve("wide.csv"), "# format: soleus-csv 1\n# sample_rate_hz: 100\n"
                + "x".repeat(5000) + "\n1\n");
        Cli.Result w = Cli.run("analyze", wide.toString(), "--out", dir.resolve("o2").toString());
        assertOneLineError(w, 1);
        assertTrue(w.err().strip().length() < 400 && w.err().contains("'" + "x".repeat(40) + "…' is not a channel name"),
                w.err().length() + " chars: " + w.err());
        String cut = ErrorHandler.oneLine("walk.csv:3:1: found '" + "y".repeat(5000) + "'; leave out --format wfdb");
        assertTrue(cut.length() < 1100 && cut.startsWith("walk.csv:3:1: found 'yyy") && cut.contains("y … y")
                && cut.endsWith("y'; leave out --format wfdb"), cut.length() + " chars: the middle goes, not the hint");
        String escapes = ErrorHandler.oneLine("bell " + "\u0007".repeat(5000) + " end");
        assertTrue(escapes.length() < 1100 && escapes.startsWith("bell \\x07") && escapes.endsWith("\\x07 end"),
                escapes.length() + " chars: cut after the escapes are written");
    }

    @Test
    void badOptionValuesOfTheStreamCommandsAreUsageErrors() {
        String csv = dir.resolve("x.csv").toString();
        String session = Path.of("..", "sample-data", "synthetic", "synthetic-session.csv").toString();
        String[][] runs = {
            {"record", "--port", "/dev/null", "--out", csv, "--duration", "-1"},
            {"record", "--port", "/dev/null", "--out", csv, "--baud", "-5"},
            {"record", "--port", "/dev/null", "--out", csv, "--idle-timeout", "0"},
            {"live", "--port", "/dev/null", "--mass", "-3"},
            {"record", "--port", "/dev/null", "--out", csv, "--mass", "600"},
            {"analyze", session, "--out", dir.resolve("out").toString(), "--mass", "seventy"},
            {"simulate", session, "--port", "/dev/null", "--speed", "-1"},
            {"simulate", session, "--port", "/dev/null", "--protocol", "moticon"},
            {"simulate", session, "--port", "udp:7777"},
            {"calibrate", "--readings", csv, "--out", dir.resolve("x.json").toString(), "--device", "  "},
        };
        for (String[] args : runs) {
            Cli.Result r = Cli.run(args);
            String context = String.join(" ", args) + ": " + r.err();
            assertEquals(2, r.exitCode(), context);
            assertOneLineError(r, 2);
        }
        assertFalse(Files.exists(dir.resolve("x.csv")));
        for (String[] option : new String[][] {{"--speed", "-1"}, {"--corrupt", "0.5"}, {"--drop", "0.9"}}) {
            Cli.Result r = Cli.run("simulate", session, "--port", "/dev/null", option[0], option[1]);
            assertOneLineError(r, 2);
            assertTrue(r.err().startsWith("soleus: " + option[0] + " must be "), "named by its option: " + r.err());
        }
    }

    @Test
    void aRateOrMassOfNaNIsAUsageError() {
        for (String option : new String[] {"--rate", "--mass"}) {
            Cli.Result r = Cli.run("analyze", "x.csv", option, "NaN");
            assertOneLineError(r, 2);
            assertTrue(r.err().contains(option) && r.err().contains(": expected a"), r.err());
        }
        for (String rate : new String[] {"1e12", "1e-300", "0", "-100", "Infinity"}) {
            for (String[] command : new String[][] {{"analyze", "x.csv", "--rate", rate}, {"simulate", "x.csv", "--rate", rate},
                    {"live", "--port", "x", "--rate", rate}, {"record", "--port", "x", "--out", "x.csv", "--rate", rate}}) {
                Cli.Result r = Cli.run(command);
                assertOneLineError(r, 2);
                assertTrue(r.err().startsWith("soleus: --rate: expected a rate in Hz from 0.001 to 1000000, got '" + rate + "'"),
                        command[0] + " " + rate + ": " + r.err());
            }
        }
    }

    @Test
    void aMissingInputFileIsOneLineNamingThePathWithExitCode1() {
        Path missing = dir.resolve("no-such-walk.txt");
        Cli.Result r = Cli.run("analyze", missing.toString(), "--out", dir.resolve("out").toString());
        assertOneLineError(r, 1);
        assertTrue(r.err().contains(missing.toString()), r.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void debugAddsTheStackTrace() {
        Path missing = dir.resolve("no-such-walk.txt");
        for (String[] args : new String[][] {
                {"analyze", missing.toString(), "--debug"},
                {"--debug", "analyze", missing.toString()}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(1, r.exitCode());
            assertTrue(r.err().startsWith("soleus: " + missing + ": no such file"), r.err());
            assertTrue(r.err().contains("java.nio.file.NoSuchFileException"), r.err());
            assertTrue(r.err().contains("\tat org.soleus.cli.AnalyzeCommand"), r.err());
        }
    }

    @Test
    void aDirectoryAsInputIsRefused() {
        Cli.Result r = Cli.run("analyze", dir.toString(), "--out", dir.resolve("out").toString());
        assertOneLineError(r, 1);
        assertTrue(r.err().contains(dir + ": is a directory"), r.err());
    }

    /** An empty --out of a command that writes one file is no folder to refuse as a directory: a usage error. */
    @Test
    void anEmptyOutFileIsAUsageError() {
        for (String command : new String[] {"record", "calibrate"}) {
            Cli.Result r = Cli.run(command, "--port", dir.resolve("no-port").toString(), "--out", "");
            assertOneLineError(r, 2);
            assertTrue(r.err().startsWith("soleus: --out: expected a file name, got an empty path"), r.err());
        }
    }

    @Test
    void anUnknownFormatIsAUsageError() throws IOException {
        Path input = Files.writeString(dir.resolve("walk.txt"), "0\t1\n");
        Cli.Result r = Cli.run("analyze", "--format", "xyz", input.toString());
        assertOneLineError(r, 2);
        assertTrue(r.err().contains("unknown format 'xyz': expected one of soleus, gaitpdb"), r.err());
    }

    @Test
    void anImpossibleBodyMassOrRateIsAUsageError() throws IOException {
        Path input = Files.writeString(dir.resolve("walk.txt"), "0\t1\n");
        Cli.Result mass = Cli.run("analyze", "--mass", "-70", input.toString());
        assertOneLineError(mass, 2);
        assertTrue(mass.err().contains("--mass"), mass.err());
        Cli.Result rate = Cli.run("analyze", "--rate", "0", input.toString());
        assertOneLineError(rate, 2);
        assertTrue(rate.err().contains("--rate"), rate.err());
    }

    @Test
    void missingArgumentsAndUnknownOptionsAreUsageErrors() {
        for (String[] args : new String[][] {{}, {"analyze"}, {"analyze", "--bogus", "x"}, {"nonsense"}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args));
            assertOneLineError(r, 2);
            assertTrue(r.err().contains("--help"), r.err());
        }
    }

    @Test
    void debugAddsTheStackTraceToUsageErrorsToo() {
        Cli.Result r = Cli.run("analyze", "--debug", "--format", "xyz", "x.txt");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("\tat picocli."), r.err());
    }

    @Test
    void anOutputPathThatIsAFileIsRefusedBeforeReading() throws IOException {
        Path input = Files.writeString(dir.resolve("walk.txt"), "not read\n");
        Path file = Files.writeString(dir.resolve("results"), "keep");
        Cli.Result r = Cli.run("analyze", input.toString(), "--out", file.toString());
        assertOneLineError(r, 1);
        assertTrue(r.err().contains(file + ": is a file, not a folder; give a folder"), r.err());
        assertEquals("keep", Files.readString(file));

        Path under = file.resolve("out");
        Cli.Result several = Cli.run("analyze", input.toString(), input.toString(), "--out", under.toString());
        assertEquals("soleus: --out " + under + ": cannot write the results: " + file + " is a file, not a folder; give a"
                + " folder\n", several.err(), "one error before any input is read, not one per input");
        assertEquals(1, several.exitCode());
        assertEquals("keep", Files.readString(file));

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere").resolve("out"));
        Cli.Result link = Cli.run("analyze", input.toString(), input.toString(), "--out", dangling.toString());
        assertEquals("soleus: --out " + dangling + ": a link to " + dir.resolve("nowhere").resolve("out")
                + ", which does not exist; give a folder\n", link.err());
        assertEquals(1, link.exitCode());
    }
}
