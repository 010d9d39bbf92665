package dev.rampart.sparkjob;

/** The job's output could not be written: the file system's reason, not the user's input nor a defect. */
final class JobWriteException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  JobWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
