package org.funcx.slurm;

/**
 * One slurmctld as slurmrestd's ping reports it.
 *
 * @param hostname the controller's host
 * @param mode "primary" or a backup's position
 * @param up whether slurmrestd reached it
 */
public record ControllerPing(String hostname, String mode, boolean up) {}
