using ErpSync.Engine;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using Microsoft.AspNetCore.Components;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Server.Features.Connections;

public sealed partial class SynchronizePage
{
    private IReadOnlyList<ConnectorSummary> _connectors = [];
    private IReadOnlyList<ConnectionSummary> _connections = [];
    private ConnectionDetails? _details;
    private int? _selected;
    private int? _selectedConnector;
    private int? _dialogFor;
    private bool _addingConnector;
    private bool _confirmDelete;
    private bool _showDeleted;
    private bool _busy;
    private int _renderVersion;
    private string? _error;
    private string? _notice;

    private Dialog? _dialog;
    private Scheduling.AutomaticSyncPanel? _schedule;

    private enum Dialog
    {
        Mappings,
        ListMapping,
        Defaults,
        Rank,
        Priority,
        Import,
    }

    private ConnectionSummary? SelectedConnection => _connections.FirstOrDefault(c => c.Id == _selected);

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        _connectors = await ConnectorList.ListAsync(default);
        _connections = await Connections.ListAsync(_showDeleted, default);
        _renderVersion++;
        _details = _selected is { } id && _connections.Any(c => c.Id == id) ? await Connections.GetAsync(id, default) : null;
        if (_schedule is not null)
        {
            await _schedule.ReloadAsync();
        }
    }

    private async Task SelectAsync(int id)
    {
        _selected = id;
        _details = await Connections.GetAsync(id, default);
    }

    private void Configure(int id)
    {
        _selected = id;
        _dialogFor = id;
    }

    private async Task ShowDeletedChangedAsync(ChangeEventArgs e)
    {
        _showDeleted = e.Value is true;
        await ReloadAsync();
    }

    private async Task DialogClosedAsync(bool saved)
    {
        _dialogFor = null;
        if (saved)
        {
            _notice = T("The ERP connection was saved. Check Active to start using it.", "De ERP-verbinding is opgeslagen. Schakel Actief in om deze te gebruiken.");
            _error = null;
            await ReloadAsync();
        }
    }

    private async Task DialogDoneAsync()
    {
        _dialog = null;
        await ReloadAsync();
    }

    private async Task ImportClosedAsync(bool imported)
    {
        _dialog = null;
        if (imported)
        {
            _notice = T("The ERP connection was imported (inactive). Check Active to start using it.", "De ERP-verbinding is geïmporteerd (niet actief). Schakel Actief in om deze te gebruiken.");
            await ReloadAsync();
        }
    }

    private async Task ConnectorDialogClosedAsync(bool saved)
    {
        _addingConnector = false;
        if (saved)
        {
            await ReloadAsync();
        }
    }

    private Task SetActiveAsync(ConnectionSummary connection, bool active) => RunAsync(async () =>
    {
        _selected = connection.Id;
        var result = await Connections.SetActiveAsync(connection.Id, active, default);
        if (active && !result.IsActive)
        {
            _error = T($"\"{connection.Name}\" was not activated: ", $"\"{connection.Name}\" is niet geactiveerd: ") + string.Join(" ", result.Problems);
        }
        else
        {
            _notice = result.IsActive
                ? T($"\"{connection.Name}\" is active.", $"\"{connection.Name}\" is actief.")
                : T($"\"{connection.Name}\" is inactive.", $"\"{connection.Name}\" is niet actief.");
        }
    });

    private Task DeleteAsync() => RunAsync(async () =>
    {
        _confirmDelete = false;
        await Connections.DeleteAsync(_selected!.Value, default);
        _notice = T("The ERP connection was deleted.", "De ERP-verbinding is verwijderd.");
    });

    private Task RestoreAsync() => RunAsync(async () =>
    {
        await Connections.RestoreAsync(_selected!.Value, default);
        _notice = T("The ERP connection was restored (inactive).", "De ERP-verbinding is hersteld (niet actief).");
    });

    private Task DeleteConnectorAsync() => RunAsync(async () =>
    {
        await ConnectorList.DeleteAsync(_selectedConnector!.Value, default);
        _selectedConnector = null;
        _notice = T("The Sync Connector was deleted.", "De Sync Connector is verwijderd.");
    });

    private Task TestConnectorAsync() => RunAsync(async () =>
    {
        var result = await ConnectorList.TestAsync(_selectedConnector!.Value, default);
        if (result.IsOk)
        {
            _notice = result.Message;
        }
        else
        {
            _error = result.Message;
        }
    });

    // Every action reloads the lists afterwards, so a refused action still shows the true state.
    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        _notice = null;
        try
        {
            await action();
        }
        catch (UserErrorException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
            await ReloadAsync();
        }
    }
}
