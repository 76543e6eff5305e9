package dev.asap.trial;

/**
 * A study's identity as stored: its name, direction and the search space (in ASAP's JSON space format,
 * so that a study can be shown or resumed without the file that created it).
 */
public record StudyInfo(long id, String name, Direction direction, String spaceJson, double createdEpochSeconds) {}
