package dev.rampart.spark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apiguardian.api.API;

/**
 * What an evaluation on Spark gives: the results (columns of {@link ResultColumns#RESULTS}), the
 * rows that could not be read as facts (columns of {@link ResultColumns#ERRORS}), and their counts.
 * Both datasets are lazy; {@link #summary()} runs a job.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface SparkEvaluation {

  /** One row per result: findings only, or every result when the evaluation was built to give them all. */
  Dataset<Row> results();

  /** One row per table row that could not be read as a fact, naming the table, the row and the column. */
  Dataset<Row> errors();

  /** The counts by outcome, severity and category, and of the input errors; runs a Spark job. */
  SparkSummary summary();
}
