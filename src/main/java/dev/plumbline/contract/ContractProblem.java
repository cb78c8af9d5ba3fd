package dev.plumbline.contract;

/** Something wrong with a contract, where it is (1-based line, JSON path of the field) and what is expected. */
public record ContractProblem(int line, String path, String message) {

    @Override
    public String toString() {
        return "line " + line + ", " + path + ": " + message;
    }
}
