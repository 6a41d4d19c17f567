package io.clearflow.regtech.item;

import java.util.List;

/** Stored items whose topics or departments changed on reclassification (published in the updating transaction). */
public record ItemsReclassified(List<Long> itemIds) { }
