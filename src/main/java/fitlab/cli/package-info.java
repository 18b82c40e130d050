/** picocli commands, one thin class each: parse the options, build a request record, call a service, print. */
package fitlab.cli;
