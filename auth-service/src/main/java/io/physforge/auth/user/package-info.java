/**
 * Users and roles: registration, the caller's own account, password change and the
 * administrators' user management.
 */
package io.physforge.auth.user;
