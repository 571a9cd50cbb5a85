using System.Diagnostics.CodeAnalysis;

namespace ErpSync.Connectors;

/// <summary>The outcome of a connector call that returns no value.</summary>
/// <param name="Error">Null on success.</param>
public sealed record ConnectorResult(ConnectorError? Error)
{
    /// <summary>True when the call succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsOk => Error is null;

    /// <summary>A successful result.</summary>
    public static ConnectorResult Success { get; } = new((ConnectorError?)null);

    /// <summary>A failed result.</summary>
    public static ConnectorResult Fail(ErrorCode code, string message, string? detail = null) => new(new ConnectorError(code, message, detail));
}

/// <summary>The outcome of a connector call: a value, or an error.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Value">The value; default when <see cref="Error"/> is set.</param>
/// <param name="Error">Null on success.</param>
public sealed record ConnectorResult<T>(T? Value, ConnectorError? Error)
{
    /// <summary>True when the call succeeded and <see cref="Value"/> holds the result.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsOk => Error is null && Value is not null;

    /// <summary>Returns the value, or throws <see cref="ConnectorException"/> with the error.</summary>
    public T GetValueOrThrow() => IsOk ? Value : throw new ConnectorException(Error ?? new ConnectorError(ErrorCode.Unknown, "The connector returned no value."));

    /// <summary>Wraps a value.</summary>
    public static implicit operator ConnectorResult<T>(T value) => new(value, null);

    /// <summary>Wraps an error.</summary>
    public static implicit operator ConnectorResult<T>(ConnectorError error) => new(default, error);
}

/// <summary>Helpers to build results.</summary>
public static class ConnectorResults
{
    /// <summary>A successful result holding <paramref name="value"/>.</summary>
    public static ConnectorResult<T> Ok<T>(T value) => new(value, null);

    /// <summary>A failed result.</summary>
    public static ConnectorResult<T> Fail<T>(ErrorCode code, string message, string? detail = null) => new(default, new ConnectorError(code, message, detail));
}
