package dev.ferry.transforms.rules;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a table-mapping document (or in a plan built from it), reported at once. */
public final class MappingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<MappingProblem> problems;

    public MappingException(List<MappingProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<MappingProblem> problems() {
        return problems;
    }

    private static String describe(List<MappingProblem> problems) {
        String header = problems.size() == 1
                ? "The table-mapping document has 1 problem:"
                : "The table-mapping document has " + problems.size() + " problems:";
        return problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n", header + "\n", ""));
    }
}
