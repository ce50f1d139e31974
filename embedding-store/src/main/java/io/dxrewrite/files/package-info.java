/**
 * File helpers for atomic writes: a temporary file next to its target, created with the process
 * umask's permissions, to be forced to disk and renamed into place.
 */
package io.dxrewrite.files;
