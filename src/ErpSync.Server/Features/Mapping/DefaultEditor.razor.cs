using ErpSync.Connectors;
using ErpSync.Engine;
using ErpSync.Engine.Mapping;
using Microsoft.AspNetCore.Components;

namespace ErpSync.Server.Features.Mapping;

public sealed partial class DefaultEditor
{
    private FieldMappingView? _field;
    private bool _hasValue;
    private string? _value;
    private bool _askUser;
    private bool _mandatory;
    private bool _busy;
    private string? _error;
    private IReadOnlyList<ListItem>? _items;
    private string? _itemsError;

    [Parameter, EditorRequired] public int ConnectionId { get; set; }

    [Parameter, EditorRequired] public ActorTypeMappingView ActorType { get; set; } = default!;

    /// <summary>The field to edit, or null to choose one ("Add").</summary>
    [Parameter] public string? FieldKey { get; set; }

    /// <summary>Called with true after a save.</summary>
    [Parameter] public EventCallback<bool> OnClose { get; set; }

    /// <summary>Fields ErpSync may write: not read-only, not keys, not labels or passwords.</summary>
    private IEnumerable<FieldMappingView> Eligible => ActorType.Fields.Where(f => !f.IsReadOnly && !f.IsKey && !f.MissingInErp && f.Type is not (FieldType.Label or FieldType.Password));

    // The value editor shows no mandatory marker: "Mandatory" below is about the user, not the default.
    private FieldInfo EditorField => new() { Key = "default-value", DisplayName = ErpSync.Engine.Localization.Text.T("Default value", "Standaardwaarde"), Type = _field!.Type, ListName = _field.ListName };

    protected override Task OnInitializedAsync() => FieldKey is null ? Task.CompletedTask : SelectAsync(FieldKey);

    private async Task SelectAsync(string? key)
    {
        _field = ActorType.Fields.FirstOrDefault(f => f.FieldKey == key);
        _hasValue = _field?.Default?.HasValue ?? false;
        _value = _field?.Default?.Value;
        _askUser = _field?.Default?.AskUser ?? false;
        _mandatory = _field?.Default?.Mandatory ?? _field?.IsMandatory ?? false;
        _items = null;
        _itemsError = null;
        if (_field is { Type: FieldType.List, ListName: { } listName })
        {
            try
            {
                _items = await Mappings.GetErpListAsync(ConnectionId, listName, default);
            }
            catch (UserErrorException ex)
            {
                _itemsError = ex.Message;
            }
        }
    }

    private async Task SaveAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            await Mappings.SaveDefaultAsync(ConnectionId, ActorType.ActorType, _field!.FieldKey, new DefaultInput(_hasValue, _hasValue ? _value : null, _askUser, _mandatory || _field.IsMandatory), default);
            await OnClose.InvokeAsync(true);
        }
        catch (UserErrorException ex)
        {
            _error = ex.FieldErrors.Values.SelectMany(v => v).FirstOrDefault() ?? ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
