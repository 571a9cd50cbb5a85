using ErpSync.Connectors;
using ErpSync.Engine;
using ErpSync.Engine.Mapping;
using Microsoft.AspNetCore.Components;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Server.Features.Mapping;

public sealed partial class MappingsDialog
{
    private MappingsView? _view;
    private Dictionary<ActorType, TabState> _tabs = [];
    private ActorType _tab;
    private bool _advanced;
    private bool _busy;
    private string? _error;
    private IReadOnlyDictionary<string, string[]> _fieldErrors = new Dictionary<string, string[]>();

    [Parameter, EditorRequired] public int ConnectionId { get; set; }

    /// <summary>Called with true after Done saved, false on cancel.</summary>
    [Parameter] public EventCallback<bool> OnClose { get; set; }

    protected override async Task OnInitializedAsync()
    {
        try
        {
            Show(await Mappings.GetAsync(ConnectionId, default));
        }
        catch (UserErrorException ex)
        {
            _error = ex.Message;
        }
    }

    private void Show(MappingsView view)
    {
        _view = view;
        _tabs = view.ActorTypes.ToDictionary(a => a.ActorType, a => new TabState(a.IsActive, a.Fields.Select(f => new FieldRow(f)).ToList(), a.IsActive));
        if (!_tabs.ContainsKey(_tab))
        {
            _tab = view.ActorTypes.Count > 0 ? view.ActorTypes[0].ActorType : ActorType.Unknown;
        }
    }

    private async Task RefreshAsync() => await RunAsync(async () => Show(await Mappings.RefreshFieldsAsync(ConnectionId, default)), close: false);

    private async Task DoneAsync()
    {
        var changed = _tabs.Where(t => t.Value.IsChanged)
            .ToDictionary(t => t.Key, t => new ActorTypeMappingInput(t.Value.IsActive, t.Value.Rows.Where(r => r.IsChanged).Select(r => r.ToInput()).ToList()));
        if (_view!.IsLocked || changed.Count == 0)
        {
            await OnClose.InvokeAsync(false);
            return;
        }

        await RunAsync(() => Mappings.SaveAsync(ConnectionId, changed, default), close: true);
    }

    private async Task RunAsync(Func<Task> action, bool close)
    {
        _busy = true;
        _error = null;
        _fieldErrors = new Dictionary<string, string[]>();
        try
        {
            await action();
            if (close)
            {
                await OnClose.InvokeAsync(true);
            }
        }
        catch (UserErrorException ex)
        {
            _error = ex.Message;
            _fieldErrors = ex.FieldErrors;
            if (ex.FieldErrors.Keys.Select(k => k.Split('.')[0]).FirstOrDefault() is { } first && Enum.TryParse<ActorType>(first, out var type))
            {
                _tab = type;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private string? FieldError(ActorType type, string fieldKey) =>
        _fieldErrors.TryGetValue($"{type}.{fieldKey}", out var messages) ? messages.FirstOrDefault() : null;

    private static string? DirectionTooltip(FieldRow row) => row.CrmField is null
        ? T("Choose a CRM field first.", "Kies eerst een CRM-veld.")
        : row.Option?.Reason;

    private sealed class TabState(bool isActive, List<FieldRow> rows, bool wasActive)
    {
        public bool IsActive { get; set; } = isActive;
        public List<FieldRow> Rows { get; } = rows;
        public bool IsChanged => IsActive != wasActive || Rows.Any(r => r.IsChanged);
    }
}
