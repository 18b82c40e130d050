/** Models ({@code PolynomialModel}, {@code Mlp}) with parameters named and initialised exactly as {@code torch.nn} does. */
package fitlab.model;
