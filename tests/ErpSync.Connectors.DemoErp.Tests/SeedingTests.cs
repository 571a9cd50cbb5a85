using System.Text.RegularExpressions;

namespace ErpSync.Connectors.DemoErp.Tests;

public sealed class SeedingTests : IDisposable
{
    private readonly DemoErpSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Theory]
    [InlineData("NL01")]
    [InlineData("BE01")]
    [InlineData("DE01")]
    public async Task NewFile_SeedsEveryAdministration(string administration)
    {
        var database = await _sandbox.DatabaseAsync();

        (await database.CountAsync(administration, ActorType.Customer, DemoErpSandbox.Ct)).ShouldBe(40);
        (await database.CountAsync(administration, ActorType.Supplier, DemoErpSandbox.Ct)).ShouldBe(15);
        (await database.CountAsync(administration, ActorType.Partner, DemoErpSandbox.Ct)).ShouldBe(5);
        (await database.CountAsync(administration, ActorType.Project, DemoErpSandbox.Ct)).ShouldBe(10);
        (await database.CountAsync(administration, ActorType.Person, DemoErpSandbox.Ct)).ShouldBeInRange(60, 180);
    }

    [Fact]
    public async Task TwoFiles_HoldTheSameData()
    {
        using var other = new DemoErpSandbox();

        foreach (var type in new[] { ActorType.Customer, ActorType.Person, ActorType.Project })
        {
            var first = (await _sandbox.ReadAsync(type, null, 1000)).Actors;
            var second = (await other.ReadAsync(type, null, 1000)).Actors;

            second.Select(a => (a.Key, a.DisplayName, a.Version, a.ParentKey)).ShouldBe(first.Select(a => (a.Key, a.DisplayName, a.Version, a.ParentKey)));
            second.Select(a => string.Join("|", a.Fields.OrderBy(f => f.Key).Select(f => f.Key + "=" + f.Value?.ToInvariantString())))
                .ShouldBe(first.Select(a => string.Join("|", a.Fields.OrderBy(f => f.Key).Select(f => f.Key + "=" + f.Value?.ToInvariantString()))));
        }
    }

    [Fact]
    public async Task OpenTwiceAndConcurrently_SeedsOnce()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _sandbox.DatabaseAsync()));
        var database = await _sandbox.DatabaseAsync();

        (await database.CountAsync("NL01", ActorType.Customer, DemoErpSandbox.Ct)).ShouldBe(40);
    }

    [Fact]
    public async Task Customers_HaveRealisticValues()
    {
        var customers = (await _sandbox.ReadAsync(ActorType.Customer, null, 1000)).Actors;

        customers.Select(c => c.Key).ShouldBeUnique();
        customers[0].Key.ShouldBe("C10001");
        customers[0].Fields["NUMBER1"].ShouldBe(FieldValue.Text("10001"));
        customers.ShouldAllBe(c => !string.IsNullOrEmpty(c.DisplayName) && c.ChangedAt == _sandbox.Time.GetUtcNow());
        customers.ShouldAllBe(c => c.Fields["PHONE"]!.ToInvariantString().StartsWith('+'));
        customers.ShouldAllBe(c => c.Fields["EMAIL"]!.ToInvariantString().Contains('@'));
        customers.ShouldAllBe(c => c.Fields["URL"]!.ToInvariantString().StartsWith("https://www."));
        var dutch = customers.Where(c => c.Fields["COUNTRY"] == FieldValue.List("NL")).ToList();
        dutch.Count.ShouldBeGreaterThan(15);
        dutch.ShouldAllBe(c => Regex.IsMatch(c.Fields["VATNO"]!.ToInvariantString(), @"^NL\d{9}B\d{2}$"));
        dutch.ShouldAllBe(c => Regex.IsMatch(c.Fields["STREETZIP"]!.ToInvariantString(), @"^\d{4} [A-Z]{2}$"));
    }

    [Fact]
    public async Task Persons_BelongToCompanies()
    {
        var persons = (await _sandbox.ReadAsync(ActorType.Person, null, 1000)).Actors;

        persons[0].Key.ShouldBe("CP40001");
        persons.ShouldAllBe(p => p.ParentKey != null && p.ParentType != null);
        persons.Select(p => p.ParentType).Distinct().Count().ShouldBe(3);
        persons.ShouldAllBe(p => p.Fields["LASTNAME"] != null);
    }
}
