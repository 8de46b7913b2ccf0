package io.awstutor.sandbox.rdsdata;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * What one statement gave: its rows as lists of Fields (null when it returned none), their
 * columns' metadata, the number of rows it changed and the values the engine generated.
 */
record StatementResult(ArrayNode records, ArrayNode columnMetadata, long numberOfRecordsUpdated, ArrayNode generatedFields) {
}
