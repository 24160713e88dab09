package org.soleus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the {@code soleus} command in-process with captured stdout and stderr, and reads what it wrote. */
final class Cli {

    /** Exit code and captured output of one run. */
    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SoleusCommand.commandLine(args)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * The notice {@code analyze} gives on the shipped gaitpdb trial GaCo01_01 (or a copy of it
     * at {@code input}) with the body mass of its {@code demographics.txt}: the trial's force
     * sums read 1.32 body weights over whole strides (README, "Accuracy on real recordings").
     */
    static String gaco01ForceScaleNotice(Path input) {
        return "soleus analyze: " + input + ": both feet's force averages 1.32 body weights over whole strides, not 1"
                + " as in steady walking: the body mass (83 kg) or the force scale is off by that factor (the force"
                + " fits 109 kg), and so is every figure in body weights";
    }

    /** The {@code summary.json} that {@code analyze} wrote into {@code folder}. */
    static JsonNode summary(Path folder) throws IOException {
        return new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
    }
}
