using System.Reflection;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;

namespace EHalsostodet.Tests.Web;

/// <summary>Core is the only way to the data: no type of the web host takes the database context.</summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class DataAccessTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [TestMethod]
    public void No_web_type_takes_the_database_context()
    {
        var found = TakersOfTheDatabase(typeof(Program).Assembly);

        Assert.IsEmpty(found, "Läs och skriv genom Core i stället: " + string.Join(", ", found));
    }

    [TestMethod]
    public void The_search_finds_the_database_context_where_it_is_taken()
    {
        var found = TakersOfTheDatabase(typeof(ContentQueries).Assembly);

        CollectionAssert.Contains(found, $"{typeof(ContentQueries).FullName}: constructor");
    }

    /// <summary>
    /// Every constructor, method (page handlers and lambdas included), field and property whose
    /// signature names <see cref="PortalDbContext"/>, also inside a generic type such as a Func.
    /// </summary>
    private static List<string> TakersOfTheDatabase(Assembly assembly)
    {
        var found = new List<string>();
        foreach (var type in assembly.GetTypes())
        {
            foreach (var constructor in type.GetConstructors(Declared).Where(c => c.GetParameters().Any(p => Names(p.ParameterType))))
            {
                found.Add($"{type.FullName}: constructor");
            }
            foreach (var method in type.GetMethods(Declared).Where(m => Names(m.ReturnType) || m.GetParameters().Any(p => Names(p.ParameterType))))
            {
                found.Add($"{type.FullName}.{method.Name}");
            }
            foreach (var field in type.GetFields(Declared).Where(f => Names(f.FieldType)))
            {
                found.Add($"{type.FullName}.{field.Name}");
            }
            foreach (var property in type.GetProperties(Declared).Where(p => Names(p.PropertyType)))
            {
                found.Add($"{type.FullName}.{property.Name}");
            }
        }
        return found.Distinct().ToList();
    }

    private static bool Names(Type type) =>
        type == typeof(PortalDbContext) ||
        (type.HasElementType && Names(type.GetElementType()!)) ||
        (type.IsGenericType && type.GetGenericArguments().Any(Names));
}
