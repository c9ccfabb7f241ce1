package io.github.humecodes.cli;

import io.github.humecodes.Catalog;
import io.github.humecodes.Detection;
import io.github.humecodes.Detector;
import io.github.humecodes.HumeCode;
import java.io.PrintStream;

/** {@code explain TEXT|CODE...}: what each code found means. */
final class ExplainCommand {
    private ExplainCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Main.UsageException {
        if (args.length == 0) {
            throw new Main.UsageException("give a code (E0300, 1011) or a text that carries one");
        }
        String text = String.join(" ", args).trim();
        Catalog catalog = Catalog.builtIn();
        // A code given alone is explained even where text would need a context (a bare close code).
        HumeCode alone = catalog.lookup(text);
        Detection found = alone != null ? Detection.of(alone) : Detector.create().scan(text);
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
