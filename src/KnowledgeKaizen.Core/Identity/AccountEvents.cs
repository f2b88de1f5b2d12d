namespace KnowledgeKaizen.Core.Identity;

/// <summary>Someone signed in with their password.</summary>
public sealed record UserSignedIn(string UserId, string Name) : IDomainEvent;

/// <summary>A sign-in was refused: <paramref name="Reason"/> is "wrong password", "locked out", "not allowed" or "unknown account".</summary>
public sealed record SignInFailed(string Email, string Reason) : IDomainEvent;

/// <summary>An Admin created an account with these roles; the person chooses a password through the invite link.</summary>
public sealed record UserInvited(string UserId, string Email, IReadOnlyList<string> Roles, string? ByUserId) : IDomainEvent;

/// <summary>An account's roles became <paramref name="Roles"/>.</summary>
public sealed record UserRolesChanged(string UserId, string Email, IReadOnlyList<string> Roles, string? ByUserId) : IDomainEvent;

/// <summary>An account was locked (or unlocked).</summary>
public sealed record UserLockChanged(string UserId, string Email, bool Locked, string? ByUserId) : IDomainEvent;

/// <summary>Every session of an account was ended (an Admin's "sign out everywhere").</summary>
public sealed record UserSessionsEnded(string UserId, string Email, string? ByUserId) : IDomainEvent;

/// <summary>An Admin created an API token.</summary>
public sealed record ApiTokenCreated(Guid TokenId, string Name, string CreatedBy) : IDomainEvent;

/// <summary>An API token was revoked.</summary>
public sealed record ApiTokenRevoked(Guid TokenId, string Name) : IDomainEvent;
