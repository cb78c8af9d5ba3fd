package dev.plumbline.contract;

/** The end of a reviewer's sentence for a constraint that tightened or loosened, by what the constraint checks. */
record Effect(String tighter, String looser) {

    static final Effect RECORDS = new Effect("records valid today would be rejected",
            "records rejected today would be accepted");
    static final Effect RULE = new Effect("data that passes the rule today could fail it",
            "data that fails the rule today could pass it");
}
