using ErpSync.Connectors;
using ErpSync.Engine;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using Microsoft.AspNetCore.Components;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Server.Features.Connections;

public sealed partial class ConnectionDialog
{
    private IReadOnlyList<ConnectorSummary> _connectors = [];
    private IReadOnlyList<FieldInfo> _fields = [];
    private Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);
    private HashSet<string> _secretsSet = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<ListItem>> _lists = [];
    private readonly Dictionary<string, string> _listErrors = [];
    private List<ScopeEntry> _scope = [];
    private string _name = "";
    private string? _description;
    private int _connectorId;
    private bool _allAccess = true;
    private bool _isActive;
    private bool _loading = true;
    private bool _busy;
    private bool _pickingScope;
    private string? _error;
    private IReadOnlyDictionary<string, string[]> _fieldErrors = new Dictionary<string, string[]>();
    private TestResult? _test;

    // The configuration a successful test saw; OK needs the current values to equal it.
    private string? _testedValues;
    private string _storedValues = "";

    /// <summary>The connection to configure, or null to define a new one.</summary>
    [Parameter] public int? ConnectionId { get; set; }

    /// <summary>Called with true after a save, false on cancel.</summary>
    [Parameter] public EventCallback<bool> OnClose { get; set; }

    private bool ConfigChanged => ConnectionId is null || Snapshot() != _storedValues;

    private bool CanSave =>
        !string.IsNullOrWhiteSpace(_name) && _connectorId != 0 && (_allAccess || _scope.Count > 0) && MandatoryFilled()
        && (!ConfigChanged || (_test is { IsOk: true } && _testedValues == Snapshot()));

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _connectors = await ConnectorList.ListAsync(default);
            if (ConnectionId is { } id)
            {
                var details = await Connections.GetAsync(id, default);
                _name = details.Name;
                _description = details.Description;
                _connectorId = details.ConnectorId;
                _allAccess = details.AllAccess;
                _isActive = details.IsActive;
                _secretsSet = details.SecretsSet.ToHashSet(StringComparer.OrdinalIgnoreCase);
                _scope = await ScopeNamesAsync(details.Access);
                await LoadFieldsAsync(details.Values);
                _storedValues = Snapshot();
            }
        }
        catch (UserErrorException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task ConnectorChangedAsync(ChangeEventArgs e)
    {
        _connectorId = int.TryParse(e.Value?.ToString(), out var id) ? id : 0;
        _test = null;
        _fields = [];
        _values.Clear();
        if (_connectorId != 0)
        {
            await LoadFieldsAsync(null);
        }
    }

    private async Task LoadFieldsAsync(IReadOnlyDictionary<string, string?>? stored)
    {
        _error = null;
        try
        {
            _fields = await Connections.GetConfigFieldsAsync(_connectorId, default);
            _values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in _fields.Where(f => f.Type is not (FieldType.Label or FieldType.Password)))
            {
                _values[field.Key] = stored is null ? FieldValues.Format(field.DefaultValue) : stored.GetValueOrDefault(field.Key);
            }

            await LoadListsAsync();
        }
        catch (UserErrorException ex)
        {
            _error = ex.Message;
        }
    }

    // Lists are read when the fields are built (as in the original product) and again after each test, with the values known then.
    private async Task LoadListsAsync()
    {
        _lists.Clear();
        _listErrors.Clear();
        foreach (var listName in _fields.Where(f => f.Type == FieldType.List && f.ListName is not null).Select(f => f.ListName!).Distinct())
        {
            try
            {
                _lists[listName] = await Connections.GetConfigListAsync(_connectorId, listName, _values, default);
            }
            catch (UserErrorException ex)
            {
                _listErrors[listName] = ex.Message;
            }
        }
    }

    private void SetValue(string key, string? value)
    {
        if (string.IsNullOrEmpty(value) && _fields.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase))?.Type == FieldType.Password)
        {
            _values.Remove(key);
        }
        else
        {
            _values[key] = value;
        }
    }

    private async Task TestAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            var snapshot = Snapshot();
            _test = await Connections.TestAsync(new ConnectionTestInput(_connectorId, ConnectionId, new Dictionary<string, string?>(_values)), default);
            _testedValues = _test.IsOk ? snapshot : null;
            // Some connectors (Tryton) can only list companies and categories once the login works, so a test is also
            // the moment to read the lists again with the values as they are now; chosen items stay selected.
            await LoadListsAsync();
        }
        catch (UserErrorException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SaveAsync()
    {
        _busy = true;
        _error = null;
        _fieldErrors = new Dictionary<string, string[]>();
        try
        {
            var values = ConfigChanged ? new Dictionary<string, string?>(_values) : _values.Where(v => !_secretsSet.Contains(v.Key)).ToDictionary();
            var input = new ConnectionInput(_name, _connectorId, _description, _allAccess, _scope.Select(s => s.ToAccess()).ToList(), values);
            _ = ConnectionId is { } id ? await Connections.UpdateAsync(id, input, default) : await Connections.CreateAsync(input, default);
            await OnClose.InvokeAsync(true);
        }
        catch (UserErrorException ex)
        {
            _error = ex.Message;
            _fieldErrors = ex.FieldErrors;
        }
        finally
        {
            _busy = false;
        }
    }

    private bool MandatoryFilled() => _fields.Where(f => f.IsMandatory && f.Type is not (FieldType.Label or FieldType.Checkbox))
        .All(f => !string.IsNullOrWhiteSpace(_values.GetValueOrDefault(f.Key)) || (f.Type == FieldType.Password && _secretsSet.Contains(f.Key)));

    private string Snapshot() => string.Join('\n', _values.Where(v => !string.IsNullOrEmpty(v.Value)).OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase).Select(v => $"{v.Key.ToUpperInvariant()}={v.Value}"));

    private string? FirstError(string key) => _fieldErrors.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private string Invalid(string key) => FirstError(key) is null ? "" : "is-invalid";

    private async Task<List<ScopeEntry>> ScopeNamesAsync(IReadOnlyList<AccessEntry> access)
    {
        var users = (await Accounts.ListUsersAsync(default)).ToDictionary(u => u.Id, u => u.DisplayName);
        var groups = (await Accounts.ListGroupsAsync(default)).ToDictionary(g => g.Id, g => g.Name);
        return access.Select(a => new ScopeEntry
        {
            UserId = a.UserId,
            GroupId = a.GroupId,
            Name = a.UserId is { } u ? users.GetValueOrDefault(u, $"#{u}") : groups.GetValueOrDefault(a.GroupId!.Value, $"#{a.GroupId}"),
            CanLink = a.CanLink,
            CanCreate = a.CanCreate,
        }).ToList();
    }
}
