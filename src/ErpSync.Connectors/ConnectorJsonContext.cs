using System.Text.Json;
using System.Text.Json.Serialization;

namespace ErpSync.Connectors;

/// <summary>
/// System.Text.Json source-generated metadata for every SDK record: the wire format of the remote
/// connector protocol and of cached metadata. Use <c>ConnectorJsonContext.Default</c>.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FieldValue))]
[JsonSerializable(typeof(FieldInfo))]
[JsonSerializable(typeof(IReadOnlyList<FieldInfo>))]
[JsonSerializable(typeof(ConfigValues))]
[JsonSerializable(typeof(Dictionary<string, FieldValue?>))]
[JsonSerializable(typeof(ConnectorContext))]
[JsonSerializable(typeof(ConnectorInfo))]
[JsonSerializable(typeof(TestResult))]
[JsonSerializable(typeof(ConnectorResult))]
[JsonSerializable(typeof(ConnectorResult<IReadOnlyList<ActorTypeInfo>>))]
[JsonSerializable(typeof(ConnectorResult<IReadOnlyList<FieldInfo>>))]
[JsonSerializable(typeof(ConnectorResult<IReadOnlyList<Actor>>))]
[JsonSerializable(typeof(ConnectorResult<IReadOnlyList<ListItem>>))]
[JsonSerializable(typeof(ConnectorResult<IReadOnlyList<SaveResult>>))]
[JsonSerializable(typeof(ConnectorResult<ChangePage>))]
[JsonSerializable(typeof(ConnectorResult<SearchPage>))]
[JsonSerializable(typeof(ConnectorResult<Actor>))]
[JsonSerializable(typeof(GetActorsRequest))]
[JsonSerializable(typeof(ReadChangesRequest))]
[JsonSerializable(typeof(CreateActorRequest))]
[JsonSerializable(typeof(SaveActorsRequest))]
[JsonSerializable(typeof(SearchRequest))]
[JsonSerializable(typeof(AdvancedSearchRequest))]
public sealed partial class ConnectorJsonContext : JsonSerializerContext;
