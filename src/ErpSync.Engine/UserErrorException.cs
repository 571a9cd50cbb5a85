namespace ErpSync.Engine;

/// <summary>
/// A problem the user can fix (invalid input, a rule that forbids the action). Operations throw it
/// before changing anything; the API turns it into problem details, pages show its message.
/// </summary>
public sealed class UserErrorException : Exception
{
    public UserErrorException(string message, IReadOnlyDictionary<string, string[]>? fieldErrors = null, int status = 400)
        : base(message)
    {
        FieldErrors = fieldErrors ?? new Dictionary<string, string[]>();
        Status = status;
    }

    public UserErrorException()
        : this("The request is not valid.")
    {
    }

    public UserErrorException(string message, Exception innerException)
        : this(message, 400, innerException)
    {
    }

    public UserErrorException(string message, int status, Exception innerException)
        : base(message, innerException)
    {
        FieldErrors = new Dictionary<string, string[]>();
        Status = status;
    }

    public IReadOnlyDictionary<string, string[]> FieldErrors { get; }

    public int Status { get; } = 400;

    public static UserErrorException NotFound(string message) => new(message, status: 404);

    public static UserErrorException Field(string field, string message) => new(message, new Dictionary<string, string[]> { [field] = [message] });
}
