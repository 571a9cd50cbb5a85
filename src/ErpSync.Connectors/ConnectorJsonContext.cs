using System.Text.Json;
using System.Text.Json.Serialization;
using ErpSync.Connectors.Remote;

namespace ErpSync.Connectors;

/// <summary>
/// System.Text.Json source-generated metadata for every SDK record: the wire format of the remote
/// connector protocol (with the request envelopes of <c>ErpSync.Connectors.Remote</c>) and of cached metadata. Use <c>ConnectorJsonContext.Default</c>.
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
[JsonSerializable(typeof(ConnectorResult<ConnectorInfo>))]
[JsonSerializable(typeof(ConnectorResult<TestResult>))]
[JsonSerializable(typeof(RemoteRequest))]
[JsonSerializable(typeof(RemoteRequest<ActorType>))]
[JsonSerializable(typeof(RemoteRequest<GetActorsRequest>))]
[JsonSerializable(typeof(RemoteRequest<ReadChangesRequest>))]
[JsonSerializable(typeof(RemoteRequest<CreateActorRequest>))]
[JsonSerializable(typeof(RemoteRequest<SaveActorsRequest>))]
[JsonSerializable(typeof(RemoteRequest<SearchRequest>))]
[JsonSerializable(typeof(RemoteRequest<AdvancedSearchRequest>))]
[JsonSerializable(typeof(RemoteRequest<ListRequest>))]
public sealed partial class ConnectorJsonContext : JsonSerializerContext;
