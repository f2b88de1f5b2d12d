using System.Net.Sockets;
using KnowledgeKaizen.Core.Hosting;
using Npgsql;

namespace KnowledgeKaizen.Core.Tests.Hosting;

/// <summary>A database out of reach (a 503: try again) is told apart from a fault of the request or of the portal (not).</summary>
public sealed class DatabaseUnavailableTests
{
    public static TheoryData<string> OutOfReach => ["53300", "57P01", "57P02", "57P03", "08006", "08001"];

    [Theory]
    [MemberData(nameof(OutOfReach))]
    public void AServerThatRefusesOrDropsConnections_IsOutOfReach_HoweverDeepEfWrapsIt(string sqlState) =>
        Assert.True(DatabaseUnavailable.Is(new InvalidOperationException("transient", new PostgresException("refused", "FATAL", "FATAL", sqlState))));

    [Fact]
    public void ARefusedSocketOrAnExhaustedPool_IsOutOfReach()
    {
        Assert.True(DatabaseUnavailable.Is(new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(DatabaseUnavailable.Is(new InvalidOperationException("x", new NpgsqlException("The connection pool has been exhausted", new TimeoutException()))));
    }

    [Fact]
    public void WhatTheStatementOrThePortalGotWrong_IsNot()
    {
        Assert.False(DatabaseUnavailable.Is(new PostgresException("duplicate key", "ERROR", "ERROR", "23505")));
        Assert.False(DatabaseUnavailable.Is(new PostgresException("syntax", "ERROR", "ERROR", "42601")));
        Assert.False(DatabaseUnavailable.Is(new NpgsqlException("Exception while reading from stream")));
        Assert.False(DatabaseUnavailable.Is(new InvalidOperationException("a bug")));
    }
}
