package io.github.humecodes.cli;

import io.github.humecodes.Detection;
import io.github.humecodes.Detector;
import io.github.humecodes.HumeCode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code explain TEXT|CODE...}: what each code found means. An argument that is exactly a code is that code, a
 * bare close code ({@code 1011}) included; the arguments are also read together as one text, so that a code in
 * a quoted or unquoted message is found with its context.
 */
final class ExplainCommand {
    /** The key under which arguments are read: it names a close code, so {@code 1011} alone is one. */
    private static final String ARGUMENT_KEY = "close code";

    private ExplainCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) throws Main.UsageException {
        if (args.length == 0) {
            throw new Main.UsageException("give a code (E0300, 1011) or a text that carries one");
        }
        Detector detector = Detector.create();
        List<String> exact = new ArrayList<>();
        for (String arg : args) {
            if (detector.catalog().lookup(arg) != null) {
                exact.add(arg);
            }
        }
        String text = String.join(" ", args).trim();
        Detection found = detector.scan(text, detector.scanValue(ARGUMENT_KEY, exact, null));
        if (found == null) {
            err.println("humecodes explain: no Hume code found in: " + text);
            return 1;
        }
        for (int i = 0; i < found.size(); i++) {
            if (i > 0) {
                out.println();
            }
            print(found.code(i), out);
        }
        if (found.size() > 1) {
            out.println();
            out.println("primary: " + found.primary().code() + " (most severe, first found on ties)");
        }
        return 0;
    }

    private static void print(HumeCode c, PrintStream out) {
        out.println(c.code() + (c.inCatalog() ? "" : " (not in the catalog)"));
        out.println("  category:    " + c.category());
        out.println("  severity:    " + c.severity().id());
        out.println("  retryable:   " + (c.retryable() ? "yes" : "no"));
        if (c.slug() != null) {
            out.println("  slug:        " + c.slug());
        }
        out.println("  description: " + c.description());
    }
}
