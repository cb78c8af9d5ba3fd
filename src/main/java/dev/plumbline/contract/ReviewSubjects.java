package dev.plumbline.contract;

/** Finds the document a change request is about, for one kind of subject; each kind has one implementation. */
public interface ReviewSubjects {

    ChangeRequest.Subject subject();

    ReviewSubject of(ChangeRequest request);
}
