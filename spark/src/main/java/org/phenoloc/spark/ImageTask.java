package org.phenoloc.spark;

import java.io.Serializable;

/**
 * One image of the job: its place in the input order, where it is (any Hadoop file system URI), its file name (the
 * {@code image} column, as the command line writes it) and its batch (the output partition it belongs to).
 */
public record ImageTask(long index, String uri, String name, String batch) implements Serializable {
}
