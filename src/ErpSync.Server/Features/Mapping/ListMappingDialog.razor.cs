using ErpSync.Connectors;
using ErpSync.Engine;
using ErpSync.Engine.Mapping;
using Microsoft.AspNetCore.Components;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Server.Features.Mapping;

public sealed partial class ListMappingDialog
{
    private ListMappingsView? _view;
    private ListMappingView? _current;
    private Dictionary<string, int?> _choices = [];
    private HashSet<string> _touched = [];
    private bool _busy;
    private string? _error;
    private string? _notice;

    [Parameter, EditorRequired] public int ConnectionId { get; set; }

    [Parameter] public EventCallback OnClose { get; set; }

    protected override async Task OnInitializedAsync() => await LoadAsync(null);

    private async Task LoadAsync(ListMappingView? keep)
    {
        try
        {
            _view = await Mappings.GetListMappingsAsync(ConnectionId, default);
            var next = keep is null ? null : _view.Lists.FirstOrDefault(l => l.ActorType == keep.ActorType && l.FieldKey == keep.FieldKey);
            Select(next ?? (_view.Lists.Count > 0 ? _view.Lists[0] : null));
        }
        catch (UserErrorException ex)
        {
            _error = ex.Message;
        }
    }

    private void Select(ListMappingView? list)
    {
        _current = list;
        _choices = list?.Items.ToDictionary(i => i.ErpKey, i => i.CrmListItemId) ?? [];
        _touched = [];
        _error = null;
        _notice = null;
    }

    private void Choose(string erpKey, string? value)
    {
        _choices[erpKey] = int.TryParse(value, out var id) ? id : null;
        _touched.Add(erpKey);
    }

    private void Suggest()
    {
        var erp = _current!.Items.Select(i => new ListItem(i.ErpKey, i.ErpText)).ToList();
        var suggested = ListSuggester.Suggest(erp, _current.CrmItems, _choices);
        foreach (var (key, id) in suggested)
        {
            if (_choices.GetValueOrDefault(key) != id)
            {
                _choices[key] = id;
                _touched.Add(key);
            }
        }

        _notice = T($"{suggested.Count} of {erp.Count} items have a suggestion. Review them, then Save.", $"{suggested.Count} van {erp.Count} items hebben een voorstel. Controleer ze en klik dan op Opslaan.");
    }

    private async Task SaveAsync()
    {
        _busy = true;
        _error = null;
        _notice = null;
        try
        {
            var items = _current!.Items.Select(i => new ListItemInput(i.ErpKey, _choices.GetValueOrDefault(i.ErpKey))).ToList();
            await Mappings.SaveListMappingAsync(ConnectionId, _current.ActorType, _current.FieldKey, items, default);
            await LoadAsync(_current);
            _notice = T("The list mapping was saved.", "De lijsttoewijzing is opgeslagen.");
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
}
