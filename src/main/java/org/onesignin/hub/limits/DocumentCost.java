package org.onesignin.hub.limits;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;

/**
 * What a GraphQL document would make the hub do, measured on the parsed document before
 * it is validated or run: the deepest field, the number of fields weighted by the page
 * sizes above them, the aliases and the root fields, all as if every fragment were spread
 * out. Each fragment is measured once and its cost reused, so a document of fragments
 * that spread each other exponentially is measured in linear time. A page size
 * ({@code first}) outside 1 to the largest page is noted, for a refusal before anything
 * runs.
 */
public record DocumentCost(long depth, long complexity, long aliases, long rootFields, boolean pageSizeOutOfRange) {

	/** A number past every limit: what a fragment cycle costs. */
	static final long UNBOUNDED = Long.MAX_VALUE / 4;

	public static DocumentCost of(Document document, String operationName, Map<String, Object> variables) {
		return of(document, operationName, variables, 100);
	}

	public static DocumentCost of(Document document, String operationName, Map<String, Object> variables, int maxPage) {
		Map<String, FragmentDefinition> fragments = new HashMap<>();
		document.getDefinitionsOfType(FragmentDefinition.class).forEach((f) -> fragments.put(f.getName(), f));
		OperationDefinition operation;
		try {
			// the very operation GraphQL Java will run (an empty name counts as none)
			operation = NodeUtil.getOperation(document, operationName).operationDefinition;
		}
		catch (RuntimeException ex) {
			// no such operation: nothing runs, GraphQL Java says why
			return new DocumentCost(0, 0, 0, 0, false);
		}
		Measure measure = new Measure(fragments, variables, maxPage);
		Cost cost = measure.of(operation.getSelectionSet());
		return new DocumentCost(cost.depth, cost.complexity, cost.aliases, cost.fields, measure.pageSizeOutOfRange);
	}

	/**
	 * The cost of one selection set, spread out: fields (top level), depth, weighted
	 * fields, aliases.
	 */
	private record Cost(long fields, long depth, long complexity, long aliases) {

		static final Cost NONE = new Cost(0, 0, 0, 0);

		static final Cost CYCLE = new Cost(UNBOUNDED, UNBOUNDED, UNBOUNDED, UNBOUNDED);

		Cost plus(Cost other) {
			return new Cost(add(this.fields, other.fields), Math.max(this.depth, other.depth),
					add(this.complexity, other.complexity), add(this.aliases, other.aliases));
		}

	}

	private static final class Measure {

		private final Map<String, FragmentDefinition> fragments;

		private final Map<String, Object> variables;

		private final Map<String, Cost> measured = new HashMap<>();

		private final Set<String> measuring = new HashSet<>();

		private final int maxPage;

		private boolean pageSizeOutOfRange;

		Measure(Map<String, FragmentDefinition> fragments, Map<String, Object> variables, int maxPage) {
			this.fragments = fragments;
			this.variables = (variables != null) ? variables : Map.of();
			this.maxPage = maxPage;
		}

		Cost of(SelectionSet selectionSet) {
			Cost total = Cost.NONE;
			if (selectionSet == null) {
				return total;
			}
			for (Selection<?> selection : selectionSet.getSelections()) {
				total = total.plus(of(selection));
				if (total.complexity >= UNBOUNDED) {
					return total;
				}
			}
			return total;
		}

		private Cost of(Selection<?> selection) {
			if (selection instanceof Field field) {
				Cost children = of(field.getSelectionSet());
				long page = pageSize(field.getArguments());
				return new Cost(1, add(children.depth, 1), add(1, multiply(children.complexity, page)),
						add(children.aliases, (field.getAlias() != null) ? 1 : 0));
			}
			if (selection instanceof InlineFragment inline) {
				return of(inline.getSelectionSet());
			}
			if (selection instanceof FragmentSpread spread) {
				return fragment(spread.getName());
			}
			return Cost.NONE;
		}

		private Cost fragment(String name) {
			Cost known = this.measured.get(name);
			if (known != null) {
				return known;
			}
			FragmentDefinition definition = this.fragments.get(name);
			if (definition == null) {
				// an unknown fragment: validation reports it
				return Cost.NONE;
			}
			if (!this.measuring.add(name)) {
				return Cost.CYCLE;
			}
			Cost cost = of(definition.getSelectionSet());
			this.measuring.remove(name);
			this.measured.put(name, cost);
			return cost;
		}

		/**
		 * A connection's {@code first}, literal or variable, counted up to the largest
		 * page.
		 */
		private long pageSize(List<Argument> arguments) {
			for (Argument argument : arguments) {
				if (!argument.getName().equals("first")) {
					continue;
				}
				Object value = argument.getValue();
				if (value instanceof IntValue literal) {
					return checked(literal.getValue().doubleValue());
				}
				if (value instanceof VariableReference variable
						&& this.variables.get(variable.getName()) instanceof Number number) {
					return checked(number.doubleValue());
				}
				return this.maxPage;
			}
			return 1;
		}

		private long checked(double size) {
			if (size < 1 || size > this.maxPage) {
				this.pageSizeOutOfRange = true;
			}
			return Math.max(1, Math.min((long) size, this.maxPage));
		}

	}

	private static long add(long a, long b) {
		return Math.min(UNBOUNDED, a + b);
	}

	private static long multiply(long a, long b) {
		return (a != 0 && b > UNBOUNDED / a) ? UNBOUNDED : Math.min(UNBOUNDED, a * b);
	}

}
