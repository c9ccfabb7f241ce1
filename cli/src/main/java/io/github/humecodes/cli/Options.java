package io.github.humecodes.cli;

import io.github.humecodes.Catalog;
import io.github.humecodes.CatalogException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The options and operands of one command: {@code --flag}, {@code --name VALUE} or {@code --name=VALUE}. */
final class Options {
    private final Set<String> flags = new HashSet<>();
    private final Map<String, String> values = new HashMap<>();
    private final List<String> operands = new ArrayList<>();

    private Options() {}

    static Options parse(String[] args, Set<String> knownFlags, Set<String> knownValued) throws Main.UsageException {
        Options o = new Options();
        boolean onlyOperands = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (onlyOperands || !a.startsWith("--")) {
                o.operands.add(a);
            } else if (a.equals("--")) {
                onlyOperands = true;
            } else {
                int eq = a.indexOf('=');
                String name = eq < 0 ? a : a.substring(0, eq);
                if (knownFlags.contains(name) && eq < 0) {
                    o.flags.add(name);
                } else if (knownValued.contains(name)) {
                    String value;
                    if (eq >= 0) {
                        value = a.substring(eq + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        throw new Main.UsageException("option " + name + " needs a value");
                    }
                    o.values.put(name, value);
                } else {
                    throw new Main.UsageException("unknown option " + a);
                }
            }
        }
        return o;
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    String value(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    List<String> operands() {
        return operands;
    }

    /** A positive whole number given with {@code name}, or {@code otherwise}. */
    int positive(String name, int otherwise) throws Main.UsageException {
        String v = values.get(name);
        if (v == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Main.UsageException(name + " must be a positive whole number, was '" + v + "'");
    }

    /** The built-in catalog, with the {@code --catalog} file merged over it when one is given. */
    Catalog catalog() throws Main.CommandException {
        String file = values.get("--catalog");
        if (file == null) {
            return Catalog.builtIn();
        }
        try {
            return Catalog.load(Path.of(file));
        } catch (CatalogException e) {
            throw new Main.CommandException(e.getMessage());
        } catch (RuntimeException e) {
            throw new Main.CommandException(file + ": not a usable path: " + e.getMessage());
        }
    }
}
