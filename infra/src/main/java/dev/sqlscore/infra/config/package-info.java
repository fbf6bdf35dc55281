/**
 * Stack configuration: {@link dev.sqlscore.infra.config.StackConfigReader} turns plain key/value text into the
 * validated {@link dev.sqlscore.infra.config.StackSettings} record, or reports every problem at once.
 */
package dev.sqlscore.infra.config;
